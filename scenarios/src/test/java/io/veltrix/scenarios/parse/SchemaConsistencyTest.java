package io.veltrix.scenarios.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.veltrix.scenarios.model.FailureKind;
import io.veltrix.scenarios.model.IdleStrategy;
import io.veltrix.scenarios.model.Jitter;
import io.veltrix.scenarios.model.OverflowPolicy;
import io.veltrix.scenarios.model.SchedulingPolicy;
import io.veltrix.scenarios.model.ServiceKind;
import io.veltrix.scenarios.model.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON schema and the parser describe one format: their keys and values cannot drift apart. */
class SchemaConsistencyTest {
    private static final JsonNode SCHEMA = readSchema();

    private static JsonNode readSchema() {
        try {
            return new ObjectMapper().readTree(ScenarioSchema.text());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldDeclareDraft202012() {
        assertThat(SCHEMA.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(SCHEMA.get("type").asText()).isEqualTo("object");
    }

    @Test
    void shouldGiveEachParserMappingTheSamePropertiesAsTheSchema() {
        for (KeySet keys : Keys.ALL) {
            JsonNode object = SCHEMA.at(keys.schemaPointer());
            assertThat(object.isMissingNode())
                    .as(keys.name() + " at " + keys.schemaPointer())
                    .isFalse();
            assertThat(names(object.get("properties")))
                    .as("schema properties of " + keys.name())
                    .isEqualTo(new TreeSet<>(keys.keys()));
            assertThat(object.get("additionalProperties").asBoolean(true))
                    .as(keys.name() + " forbids unknown keys, like the parser")
                    .isFalse();
        }
    }

    @Test
    void shouldHaveNoSchemaObjectThatTheParserDoesNotKnow() {
        Set<String> withProperties = new TreeSet<>();
        collectObjectsWithProperties(SCHEMA, "", withProperties);
        assertThat(withProperties)
                .isEqualTo(Keys.ALL.stream().map(KeySet::schemaPointer).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void shouldListTheSameChoicesAsTheModel() {
        assertEnum("topology", Topology.values(), Topology::token);
        assertEnum("overflow", OverflowPolicy.values(), OverflowPolicy::token);
        assertEnum("scheduling", SchedulingPolicy.values(), SchedulingPolicy::token);
        assertEnum("idle", IdleStrategy.values(), IdleStrategy::token);
        assertEnum("jitter", Jitter.values(), Jitter::token);
        assertEnum("serviceKind", ServiceKind.values(), ServiceKind::token);
        assertEnum("failureKind", FailureKind.values(), FailureKind::token);
    }

    static Stream<Path> documents() throws IOException {
        return ExampleScenariosTest.examples().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void shouldCoverEveryKeyAndValueOfEachExample(Path file) throws IOException {
        assertCovered(Files.readString(file));
    }

    @Test
    void shouldCoverEveryKeyAndValueOfTheStarterAndTheTestScenario() {
        assertCovered(StarterScenario.text("starter"));
        assertCovered(ScenarioParserTest.CHECKOUT);
    }

    private static void assertCovered(String yaml) {
        ParseContext context = new ParseContext("doc.yaml");
        YamlNode root = YamlTreeReader.read(yaml, context);
        assertThat(context.problems()).isEmpty();
        List<String> uncovered = new ArrayList<>();
        walk(root, List.of(SCHEMA), "", uncovered);
        assertThat(uncovered).isEmpty();
    }

    /** Checks {@code node} against the alternatives {@code schemas}, recording what none of them allows. */
    private static void walk(YamlNode node, List<JsonNode> schemas, String path, List<String> uncovered) {
        List<JsonNode> alternatives = expand(schemas);
        if (node instanceof YamlNode.Mapping) {
            for (YamlNode.Entry entry : ((YamlNode.Mapping) node).entries().values()) {
                List<JsonNode> children = new ArrayList<>();
                for (JsonNode alternative : alternatives) {
                    JsonNode property = alternative.path("properties").get(entry.key());
                    if (property != null) {
                        children.add(property);
                    } else if (alternative.path("additionalProperties").isObject()) {
                        children.add(alternative.get("additionalProperties"));
                    }
                }
                String child = Paths.child(path, entry.key());
                if (children.isEmpty()) {
                    uncovered.add("key " + child);
                } else {
                    walk(entry.value(), children, child, uncovered);
                }
            }
        } else if (node instanceof YamlNode.Sequence) {
            List<JsonNode> items = alternatives.stream()
                    .filter(a -> a.has("items"))
                    .map(a -> a.get("items"))
                    .toList();
            List<YamlNode> values = ((YamlNode.Sequence) node).items();
            for (int i = 0; i < values.size(); i++) {
                if (items.isEmpty()) {
                    uncovered.add("list " + path);
                } else {
                    walk(values.get(i), items, Paths.item(path, i), uncovered);
                }
            }
        } else if (alternatives.stream().noneMatch(a -> accepts(a, (YamlNode.Scalar) node))) {
            uncovered.add("value " + path + " = " + ((YamlNode.Scalar) node).text());
        }
    }

    private static boolean accepts(JsonNode schema, YamlNode.Scalar scalar) {
        String text = scalar.text();
        if (schema.has("const")) {
            return schema.get("const").asText().equals(text);
        }
        if (schema.has("enum")) {
            for (JsonNode value : schema.get("enum")) {
                if (value.asText().equals(text)) {
                    return true;
                }
            }
            return false;
        }
        String type = schema.path("type").asText("");
        boolean typed;
        switch (type) {
            case "string":
                typed = scalar.type() == YamlNode.ScalarType.STRING;
                break;
            case "integer":
                typed = scalar.type() == YamlNode.ScalarType.INTEGER;
                break;
            case "number":
                typed = scalar.type() == YamlNode.ScalarType.INTEGER || scalar.type() == YamlNode.ScalarType.FLOAT;
                break;
            case "boolean":
                typed = scalar.type() == YamlNode.ScalarType.TRUE || scalar.type() == YamlNode.ScalarType.FALSE;
                break;
            case "":
                typed = true;
                break;
            default:
                typed = false;
        }
        return typed
                && (!schema.has("pattern") || text.matches(schema.get("pattern").asText()));
    }

    /** Resolves references and flattens anyOf / oneOf into the alternatives they allow. */
    private static List<JsonNode> expand(List<JsonNode> schemas) {
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode schema : schemas) {
            if (schema.has("$ref")) {
                result.addAll(
                        expand(List.of(SCHEMA.at(schema.get("$ref").asText().substring(1)))));
            } else if (schema.has("anyOf") || (schema.has("oneOf") && !schema.has("properties"))) {
                List<JsonNode> branches = new ArrayList<>();
                schema.get(schema.has("anyOf") ? "anyOf" : "oneOf").forEach(branches::add);
                result.addAll(expand(branches));
            } else {
                result.add(schema);
            }
        }
        return result;
    }

    private static void collectObjectsWithProperties(JsonNode node, String pointer, Set<String> out) {
        if (node.isObject()) {
            if (node.has("properties")) {
                out.add(pointer);
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!name.equals("properties")) {
                    collectObjectsWithProperties(node.get(name), pointer + "/" + name, out);
                } else {
                    for (JsonNode property : node.get("properties")) {
                        collectObjectsWithProperties(property, pointer + "/properties/?", out);
                    }
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectObjectsWithProperties(node.get(i), pointer + "/" + i, out);
            }
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static <E> void assertEnum(String definition, E[] values, Function<E, String> token) {
        Set<String> schemaValues = new TreeSet<>();
        SCHEMA.at("/$defs/" + definition + "/enum").forEach(v -> schemaValues.add(v.asText()));
        assertThat(schemaValues)
                .as(definition)
                .isEqualTo(Arrays.stream(values).map(token).collect(Collectors.toCollection(TreeSet::new)));
    }
}
