package io.veltrix.scenarios.parse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed access to one mapping of a scenario file. Creating it reports unknown keys. Getters return the value, or
 * the default when the key is absent, or null when the value is wrong (the problem is then recorded, with where
 * and what was expected), so a reader can go on and find every problem in one pass.
 */
final class Fields {
    private final ParseContext context;
    private final YamlNode.Mapping mapping;
    private final String path;
    private final KeySet keys;
    /** Keys suggested for misspelt ones: not reported again as missing, the suggestion already says it. */
    private final Set<String> suggested = new HashSet<>();

    private Fields(ParseContext context, YamlNode.Mapping mapping, String path, KeySet keys) {
        this.context = context;
        this.mapping = mapping;
        this.path = path;
        this.keys = keys;
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!keys.allows(entry.key())) {
                Optional<String> suggestion = Suggestions.closest(entry.key(), keys.keys());
                suggestion.ifPresent(suggested::add);
                String hint = suggestion
                        .map(s -> "; did you mean '" + s + "'?")
                        .orElse("; expected one of: " + String.join(", ", keys.keys()));
                context.error(
                        entry.keyLocation(), "unknown key '" + entry.key() + "' in " + Paths.display(path) + hint);
            }
        }
    }

    /** The fields of {@code node}, or null (and a problem) when it is not a mapping. */
    static Fields of(ParseContext context, YamlNode node, String path, KeySet keys, String expected) {
        if (node instanceof YamlNode.Mapping) {
            return new Fields(context, (YamlNode.Mapping) node, path, keys);
        }
        context.error(node.location(), Paths.display(path) + ": expected " + expected + ", found " + node.describe());
        return null;
    }

    ParseContext context() {
        return context;
    }

    String path() {
        return path;
    }

    Location location() {
        return mapping.location();
    }

    boolean has(String key) {
        return keys.allows(key) && mapping.entry(key) != null;
    }

    YamlNode node(String key) {
        YamlNode.Entry entry = mapping.entry(key);
        return entry == null ? null : entry.value();
    }

    Location keyLocation(String key) {
        return mapping.entry(key).keyLocation();
    }

    Location valueLocation(String key) {
        return mapping.entry(key).value().location();
    }

    String pathOf(String key) {
        return Paths.child(path, key);
    }

    /** Records a problem with the value of {@code key}, prefixed by its path. */
    void error(String key, String message) {
        context.error(valueLocation(key), pathOf(key) + ": " + message);
    }

    /** Records that the required {@code key} is missing. */
    void missing(String key, String expected) {
        if (suggested.contains(key)) {
            return;
        }
        context.error(
                mapping.location(), "missing key '" + key + "' in " + Paths.display(path) + "; expected " + expected);
    }

    /**
     * The one key of {@code choices} that is present, or null (and a problem) when none is, or more than one.
     */
    String oneOf(List<String> choices) {
        List<String> present = new ArrayList<>();
        for (String choice : choices) {
            if (has(choice)) {
                present.add(choice);
            }
        }
        if (present.isEmpty()) {
            if (choices.stream().anyMatch(suggested::contains)) {
                return null;
            }
            context.error(
                    mapping.location(),
                    Paths.display(path) + ": expected one of " + String.join(", ", choices) + ", found none");
            return null;
        }
        if (present.size() > 1) {
            context.error(
                    keyLocation(present.get(1)),
                    Paths.display(path) + ": '" + present.get(0) + "' and '" + present.get(1)
                            + "' cannot both be given; choose one");
            return null;
        }
        return present.get(0);
    }

    /** A scalar's text, or null (and a problem) for a mapping, a list or an empty value. */
    String scalarText(String key, String expected) {
        YamlNode node = node(key);
        if (node instanceof YamlNode.Scalar && ((YamlNode.Scalar) node).type() != YamlNode.ScalarType.NULL) {
            return ((YamlNode.Scalar) node).text();
        }
        error(key, "expected " + expected + ", found " + node.describe());
        return null;
    }

    <T> T parsed(String key, T absent, String expected, Function<String, T> parser) {
        if (!has(key)) {
            return absent;
        }
        String text = scalarText(key, expected);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            error(key, e.getMessage());
            return null;
        }
    }

    Duration duration(String key, Duration absent) {
        return parsed(key, absent, Quantities.DURATION_EXPECTED, Quantities::parseDuration);
    }

    Duration requiredDuration(String key) {
        if (!has(key)) {
            missing(key, Quantities.DURATION_EXPECTED);
            return null;
        }
        return duration(key, null);
    }

    /** A duration that must be positive. */
    Duration positiveDuration(String key, Duration absent, boolean required) {
        if (required && !has(key)) {
            missing(key, Quantities.DURATION_EXPECTED);
            return null;
        }
        Duration value = duration(key, absent);
        if (value != null && value.isZero() && has(key)) {
            error(key, "must be longer than 0, was " + scalarText(key, Quantities.DURATION_EXPECTED));
            return null;
        }
        return value;
    }

    Double rate(String key, boolean positive) {
        if (!has(key)) {
            missing(key, Quantities.RATE_EXPECTED);
            return null;
        }
        Double value = parsed(key, null, Quantities.RATE_EXPECTED, Quantities::parseRate);
        if (value != null && positive && value == 0.0) {
            error(key, "must be more than 0/s, was " + scalarText(key, Quantities.RATE_EXPECTED));
            return null;
        }
        return value;
    }

    Double fraction(String key, Double absent) {
        return parsed(key, absent, Quantities.FRACTION_EXPECTED, Quantities::parseFraction);
    }

    /** An integer of at least {@code minimum}. */
    Integer integer(String key, Integer absent, int minimum) {
        if (!has(key)) {
            return absent;
        }
        YamlNode node = node(key);
        if (!(node instanceof YamlNode.Scalar) || ((YamlNode.Scalar) node).type() != YamlNode.ScalarType.INTEGER) {
            error(key, "expected a whole number, found " + node.describe());
            return null;
        }
        String text = ((YamlNode.Scalar) node).text();
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            error(key, "expected a whole number up to " + Integer.MAX_VALUE + ", found '" + text + "'");
            return null;
        }
        if (value < minimum) {
            error(key, "must be at least " + minimum + ", was " + value);
            return null;
        }
        return value;
    }

    Integer requiredInteger(String key, int minimum) {
        if (!has(key)) {
            missing(key, "a whole number of at least " + minimum);
            return null;
        }
        return integer(key, null, minimum);
    }

    /** A number (whole or decimal) of at least {@code minimum}. */
    Double number(String key, Double absent, double minimum) {
        if (!has(key)) {
            return absent;
        }
        YamlNode node = node(key);
        if (!(node instanceof YamlNode.Scalar)
                || (((YamlNode.Scalar) node).type() != YamlNode.ScalarType.INTEGER
                        && ((YamlNode.Scalar) node).type() != YamlNode.ScalarType.FLOAT)) {
            error(key, "expected a number, found " + node.describe());
            return null;
        }
        double value = Double.parseDouble(((YamlNode.Scalar) node).text());
        if (!(value >= minimum) || Double.isInfinite(value)) {
            error(
                    key,
                    "must be at least " + Quantities.formatNumber(minimum) + ", was "
                            + ((YamlNode.Scalar) node).text());
            return null;
        }
        return value;
    }

    Boolean bool(String key, boolean absent) {
        if (!has(key)) {
            return absent;
        }
        YamlNode node = node(key);
        if (node instanceof YamlNode.Scalar) {
            YamlNode.ScalarType type = ((YamlNode.Scalar) node).type();
            if (type == YamlNode.ScalarType.TRUE || type == YamlNode.ScalarType.FALSE) {
                return type == YamlNode.ScalarType.TRUE;
            }
        }
        error(key, "expected true or false, found " + node.describe());
        return null;
    }

    /** A name: letters, digits, '.', '_' and '-', starting with a letter or digit. */
    String name(String key, String what) {
        if (!has(key)) {
            missing(key, what);
            return null;
        }
        String text = scalarText(key, what);
        if (text == null) {
            return null;
        }
        if (!Names.isValid(text)) {
            error(key, "invalid name '" + text + "'; " + Names.RULE);
            return null;
        }
        return text;
    }

    /** One of the constants of {@code values}, as spelled by {@code token}. */
    <E extends Enum<E>> E choice(String key, E[] values, Function<E, String> token, E absent) {
        if (!has(key)) {
            return absent;
        }
        List<String> tokens = new ArrayList<>();
        for (E value : values) {
            tokens.add(token.apply(value));
        }
        String text = scalarText(key, "one of " + String.join(", ", tokens));
        if (text == null) {
            return null;
        }
        for (E value : values) {
            if (token.apply(value).equals(text)) {
                return value;
            }
        }
        error(
                key,
                "unknown value '" + text + "'; expected one of " + String.join(", ", tokens)
                        + Suggestions.didYouMean(text, tokens));
        return null;
    }
}
