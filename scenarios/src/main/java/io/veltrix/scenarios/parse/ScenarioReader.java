package io.veltrix.scenarios.parse;

import io.veltrix.scenarios.model.EventType;
import io.veltrix.scenarios.model.LoadModel;
import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.model.Slo;
import io.veltrix.scenarios.model.Strategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a whole scenario from its YAML tree: every section, then the checks that span sections. */
final class ScenarioReader {
    static final long DEFAULT_SEED = 1L;
    /** Schedules count time in nanoseconds in a long: a run must fit, with room to spare. */
    static final Duration LONGEST_RUN = Duration.ofHours(100_000);

    static final String EXPECTED = "a scenario mapping with name, duration, load and events";

    private final ParseContext context;

    ScenarioReader(ParseContext context) {
        this.context = context;
    }

    /** The scenario, or null when anything is wrong (every problem recorded). */
    Scenario read(YamlNode root) {
        if (root == null) {
            if (context.problemCount() == 0) {
                context.error(Location.START, "the file is empty; expected " + EXPECTED);
            }
            return null;
        }
        Fields f = Fields.of(context, root, "", Keys.SCENARIO, EXPECTED);
        if (f == null) {
            return null;
        }
        String name = f.name("name", "a name for the scenario, like checkout");
        String description = f.has("description") ? f.scalarText("description", "text") : "";
        Long seed = readSeed(f);
        Duration duration = f.positiveDuration("duration", null, true);
        Duration warmup = f.duration("warmup", Duration.ZERO);
        if (duration != null && warmup != null && duration.plus(warmup).compareTo(LONGEST_RUN) > 0) {
            f.error("duration", "warmup plus duration must be at most " + LONGEST_RUN.toHours() + "h");
            duration = null;
        }

        SettingsReader settings = new SettingsReader(context);
        List<String> tiers = settings.readTiers(f.node("engine"));
        SettingsReader.Engine engine = settings.readEngine(f.node("engine"), tiers);

        List<EventType> events = null;
        if (f.has("events")) {
            events = EventReader.read(context, f.node("events"), tiers);
        } else {
            f.missing("events", "a list of event types like - {name: payment, share: 20%, service: 1ms}");
        }
        List<String> typeNames = events == null
                ? namesIn(f.node("events"))
                : events.stream().map(EventType::name).toList();

        LoadModel load = null;
        if (f.has("load")) {
            load = LoadReader.read(context, f.node("load"));
        } else {
            f.missing("load", LoadReader.EXPECTED);
        }
        List<Strategy> strategies = settings.readStrategies(
                f.node("strategies"), engine == null ? null : engine.defaults(), tiers, typeNames);
        List<String> strategyNames = strategies == null
                ? (f.has("strategies") ? namesIn(f.node("strategies")) : List.of("default"))
                : strategies.stream().map(Strategy::name).toList();
        List<Slo> slos = List.of();
        if (f.has("slo")) {
            slos = readSlos(f, strategyNames, typeNames, tiers);
        }
        if (context.problemCount() > 0) {
            return null;
        }
        return new Scenario(
                name, description, seed, duration, warmup, load, events, engine.settings(), strategies, slos);
    }

    /**
     * The names written in a list of mappings, read straight from the tree, so that names can be checked even
     * when the list itself has problems; null when there is no such list.
     */
    private static List<String> namesIn(YamlNode list) {
        if (!(list instanceof YamlNode.Sequence)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (YamlNode item : ((YamlNode.Sequence) list).items()) {
            if (item instanceof YamlNode.Mapping) {
                YamlNode.Entry name = ((YamlNode.Mapping) item).entry("name");
                if (name != null && name.value() instanceof YamlNode.Scalar) {
                    String text = ((YamlNode.Scalar) name.value()).text();
                    if (!names.contains(text)) {
                        names.add(text);
                    }
                }
            }
        }
        return names;
    }

    private Long readSeed(Fields f) {
        if (!f.has("seed")) {
            return DEFAULT_SEED;
        }
        YamlNode node = f.node("seed");
        if (node instanceof YamlNode.Scalar && ((YamlNode.Scalar) node).type() == YamlNode.ScalarType.INTEGER) {
            try {
                return Long.decode(((YamlNode.Scalar) node).text());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        f.error("seed", "expected a whole number (64-bit), like 42, found " + node.describe());
        return null;
    }

    private List<Slo> readSlos(Fields f, List<String> strategyNames, List<String> typeNames, List<String> tierNames) {
        YamlNode node = f.node("slo");
        if (!(node instanceof YamlNode.Sequence)) {
            f.error("slo", "expected a list of expressions like - p99 < 50ms, found " + node.describe());
            return null;
        }
        List<Slo> slos = new ArrayList<>();
        List<YamlNode> items = ((YamlNode.Sequence) node).items();
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String path = Paths.item("slo", i);
            if (!(item instanceof YamlNode.Scalar) || ((YamlNode.Scalar) item).type() == YamlNode.ScalarType.NULL) {
                context.error(
                        item.location(), path + ": expected an expression like p99 < 50ms, found " + item.describe());
                continue;
            }
            YamlNode.Scalar scalar = (YamlNode.Scalar) item;
            try {
                SloParser.Parsed parsed = SloParser.parseWithPositions(scalar.text());
                checkName(
                        scalar,
                        path,
                        parsed.strategyStart(),
                        parsed.slo().strategy().orElse(null),
                        "strategy",
                        strategyNames);
                checkName(
                        scalar,
                        path,
                        parsed.typeStart(),
                        parsed.slo().eventType().orElse(null),
                        "event type",
                        typeNames);
                checkName(scalar, path, parsed.tierStart(), parsed.slo().tier().orElse(null), "tier", tierNames);
                slos.add(parsed.slo());
            } catch (SloSyntaxException e) {
                context.error(
                        scalar.locationOf(e.column() - 1),
                        path + ": invalid SLO '" + scalar.text() + "': " + e.getMessage());
            }
        }
        return slos;
    }

    private void checkName(
            YamlNode.Scalar scalar, String path, int start, String name, String what, List<String> known) {
        if (name == null || known == null || known.contains(name)) {
            return;
        }
        context.error(
                scalar.locationOf(start),
                path + ": unknown " + what + " '" + name + "' in SLO '" + scalar.text() + "'; expected one of "
                        + String.join(", ", known) + Suggestions.didYouMean(name, known));
    }
}
