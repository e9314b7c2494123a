package io.veltrix.scenarios.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads YAML text into a {@link YamlNode} tree, recording the line and column of every node and key from
 * Jackson's token locations. Duplicate keys are problems (the first one counts); a syntax error is one problem
 * and ends the reading.
 */
final class YamlTreeReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final Pattern MARK = Pattern.compile("\\s*in '.*', line (\\d+), column (\\d+):");

    private final ParseContext context;
    private final String[] lines;
    private JsonParser parser;

    private YamlTreeReader(ParseContext context, String text) {
        this.context = context;
        this.lines = text.split("\r?\n", -1);
    }

    /** The document's root node, or null when the text is not YAML (the problem is then recorded). */
    static YamlNode read(String text, ParseContext context) {
        return new YamlTreeReader(context, text).readDocument(text);
    }

    private YamlNode readDocument(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            parser = p;
            JsonToken token = p.nextToken();
            if (token == null) {
                return null;
            }
            YamlNode root = readNode(token, "");
            JsonToken next = p.nextToken();
            if (next != null) {
                context.error(here(), "a scenario file holds one YAML document; found a second one here");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Location fallback = at == null ? Location.START : new Location(at.getLineNr(), at.getColumnNr());
            syntaxError(e.getOriginalMessage(), fallback);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private YamlNode readNode(JsonToken token, String path) throws IOException {
        Location location = here();
        switch (token) {
            case START_OBJECT:
                return readMapping(location, path);
            case START_ARRAY:
                return readSequence(location, path);
            case VALUE_STRING:
            case VALUE_EMBEDDED_OBJECT:
                return scalar(location, YamlNode.ScalarType.STRING);
            case VALUE_NUMBER_INT:
                return scalar(location, YamlNode.ScalarType.INTEGER);
            case VALUE_NUMBER_FLOAT:
                return scalar(location, YamlNode.ScalarType.FLOAT);
            case VALUE_TRUE:
                return scalar(location, YamlNode.ScalarType.TRUE);
            case VALUE_FALSE:
                return scalar(location, YamlNode.ScalarType.FALSE);
            case VALUE_NULL:
                return new YamlNode.Scalar(location, "", YamlNode.ScalarType.NULL, false);
            default:
                throw new IllegalStateException("unexpected YAML token " + token + " at " + location);
        }
    }

    private YamlNode.Mapping readMapping(Location location, String path) throws IOException {
        List<YamlNode.Entry> entries = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Location keyLocation = here();
            String childPath = path.isEmpty() ? key : path + "." + key;
            YamlNode value = readNode(parser.nextToken(), childPath);
            Location first = seen.putIfAbsent(key, keyLocation);
            if (first != null) {
                context.error(
                        keyLocation,
                        "duplicate key '" + key + "' in " + Paths.display(path) + "; the first is on line "
                                + first.line());
            } else {
                entries.add(new YamlNode.Entry(key, keyLocation, value));
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IllegalStateException("unexpected YAML token " + token + " in a mapping at " + here());
        }
        return new YamlNode.Mapping(location, entries);
    }

    private YamlNode.Sequence readSequence(Location location, String path) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(readNode(token, path + "[" + items.size() + "]"));
        }
        return new YamlNode.Sequence(location, items);
    }

    private YamlNode.Scalar scalar(Location location, YamlNode.ScalarType type) throws IOException {
        return new YamlNode.Scalar(location, parser.getText(), type, isQuoteAt(location));
    }

    private boolean isQuoteAt(Location location) {
        int line = location.line() - 1;
        int column = location.column() - 1;
        if (line < 0 || line >= lines.length || column < 0 || column >= lines[line].length()) {
            return false;
        }
        char c = lines[line].charAt(column);
        return c == '"' || c == '\'';
    }

    private Location here() {
        JsonLocation at = parser.currentTokenLocation();
        return new Location(at.getLineNr(), at.getColumnNr());
    }

    /**
     * Records a YAML syntax error. SnakeYAML's message is lines of text, each optionally followed by its mark
     * ({@code  in 'reader', line 2, column 9:}) and a snippet; the last text is the problem and its mark is where it
     * is, the text before it is context.
     */
    private void syntaxError(String message, Location fallback) {
        List<String> texts = new ArrayList<>();
        List<Location> marks = new ArrayList<>();
        for (String line : (message == null ? "unreadable" : message).split("\r?\n")) {
            Matcher mark = MARK.matcher(line);
            if (mark.matches() && !texts.isEmpty()) {
                marks.set(
                        marks.size() - 1,
                        new Location(Integer.parseInt(mark.group(1)), Integer.parseInt(mark.group(2))));
            } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                texts.add(line.trim());
                marks.add(null);
            }
        }
        if (texts.isEmpty()) {
            context.error(fallback, "invalid YAML");
            return;
        }
        int last = texts.size() - 1;
        StringBuilder text = new StringBuilder("invalid YAML: ").append(texts.get(last));
        for (int i = 0; i < last; i++) {
            Location mark = marks.get(i);
            text.append(" (").append(texts.get(i));
            if (mark != null) {
                text.append(" at line ").append(mark.line()).append(", column ").append(mark.column());
            }
            text.append(')');
        }
        context.error(marks.get(last) != null ? marks.get(last) : fallback, text.toString());
    }
}
