package io.veltrix.scenarios.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML document as a tree that remembers where each node and each key was written. */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    /** Where the node starts. */
    Location location();

    /** The node described for an error message: "a mapping", "a list", or the scalar's text in quotes. */
    String describe();

    /** A key, where it was written, and its value. */
    record Entry(String key, Location keyLocation, YamlNode value) {}

    /** A mapping, keys in file order. */
    record Mapping(Location location, Map<String, Entry> entries) implements YamlNode {
        Mapping(Location location, List<Entry> entryList) {
            this(location, toMap(entryList));
        }

        private static Map<String, Entry> toMap(List<Entry> entryList) {
            Map<String, Entry> map = new LinkedHashMap<>();
            for (Entry entry : entryList) {
                map.putIfAbsent(entry.key(), entry);
            }
            return map;
        }

        Entry entry(String key) {
            return entries.get(key);
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A list. */
    record Sequence(Location location, List<YamlNode> items) implements YamlNode {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** The types a YAML scalar resolves to. */
    enum ScalarType {
        STRING,
        INTEGER,
        FLOAT,
        TRUE,
        FALSE,
        NULL
    }

    /**
     * A scalar.
     *
     * @param text the text as YAML resolved it (without quotes)
     * @param quoted whether it was written in quotes (its text then starts one column after {@code location})
     */
    record Scalar(Location location, String text, ScalarType type, boolean quoted) implements YamlNode {
        @Override
        public String describe() {
            return type == ScalarType.NULL ? "nothing" : "'" + text + "'";
        }

        /** Where character {@code index} of the text is, for a scalar written on one line. */
        Location locationOf(int index) {
            return location.plusColumns(index + (quoted ? 1 : 0));
        }
    }
}
