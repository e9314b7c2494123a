package io.veltrix.scenarios.parse;

import io.veltrix.scenarios.model.Distribution;
import java.time.Duration;
import java.util.List;

/** Reads a distribution of durations: a plain duration (constant) or a one-key mapping naming the shape. */
final class DistributionReader {
    static final String EXPECTED =
            "a duration like 250ms, or a mapping with one of constant, uniform, exponential, lognormal, bimodal";
    private static final List<String> SHAPES = List.of("constant", "uniform", "exponential", "lognormal", "bimodal");

    private DistributionReader() {}

    /** The distribution at {@code node}, or null when it is wrong (problems recorded). */
    static Distribution read(ParseContext context, YamlNode node, String path) {
        if (node instanceof YamlNode.Scalar && ((YamlNode.Scalar) node).type() != YamlNode.ScalarType.NULL) {
            try {
                return new Distribution.Constant(Quantities.parseDuration(((YamlNode.Scalar) node).text()));
            } catch (IllegalArgumentException e) {
                context.error(node.location(), path + ": " + e.getMessage());
                return null;
            }
        }
        Fields fields = Fields.of(context, node, path, Keys.DISTRIBUTION, EXPECTED);
        if (fields == null) {
            return null;
        }
        int before = context.problemCount();
        String shape = fields.oneOf(SHAPES);
        if (shape == null) {
            return null;
        }
        Distribution distribution = readShape(fields, shape);
        return context.problemCount() == before ? distribution : null;
    }

    private static Distribution readShape(Fields fields, String shape) {
        ParseContext context = fields.context();
        String path = fields.pathOf(shape);
        YamlNode node = fields.node(shape);
        switch (shape) {
            case "constant": {
                Duration value = fields.duration("constant", null);
                return value == null ? null : new Distribution.Constant(value);
            }
            case "uniform": {
                Fields f = Fields.of(context, node, path, Keys.UNIFORM, "a mapping with min and max");
                if (f == null) {
                    return null;
                }
                Duration min = f.requiredDuration("min");
                Duration max = f.requiredDuration("max");
                if (min != null && max != null && max.compareTo(min) < 0) {
                    f.error(
                            "max",
                            "must be at least min (" + Quantities.formatDuration(min) + "), was "
                                    + Quantities.formatDuration(max));
                    return null;
                }
                return min == null || max == null ? null : new Distribution.Uniform(min, max);
            }
            case "exponential": {
                Fields f = Fields.of(context, node, path, Keys.EXPONENTIAL, "a mapping with mean");
                if (f == null) {
                    return null;
                }
                Duration mean = f.positiveDuration("mean", null, true);
                return mean == null ? null : new Distribution.Exponential(mean);
            }
            case "lognormal": {
                Fields f = Fields.of(context, node, path, Keys.LOGNORMAL, "a mapping with median and p99");
                if (f == null) {
                    return null;
                }
                Duration median = f.positiveDuration("median", null, true);
                Duration p99 = f.positiveDuration("p99", null, true);
                if (median != null && p99 != null && p99.compareTo(median) < 0) {
                    f.error(
                            "p99",
                            "must be at least the median (" + Quantities.formatDuration(median) + "), was "
                                    + Quantities.formatDuration(p99));
                    return null;
                }
                return median == null || p99 == null ? null : new Distribution.LogNormal(median, p99);
            }
            default:
                return readBimodal(context, node, path);
        }
    }

    private static Distribution readBimodal(ParseContext context, YamlNode node, String path) {
        Fields f = Fields.of(context, node, path, Keys.BIMODAL, "a mapping with first, second and second-probability");
        if (f == null) {
            return null;
        }
        Distribution first = null;
        Distribution second = null;
        if (f.has("first")) {
            first = read(context, f.node("first"), f.pathOf("first"));
        } else {
            f.missing("first", EXPECTED);
        }
        if (f.has("second")) {
            second = read(context, f.node("second"), f.pathOf("second"));
        } else {
            f.missing("second", EXPECTED);
        }
        Double probability = f.fraction("second-probability", null);
        if (!f.has("second-probability")) {
            f.missing("second-probability", Quantities.FRACTION_EXPECTED + ": how often 'second' is drawn");
        }
        if (first == null || second == null || probability == null) {
            return null;
        }
        return new Distribution.Bimodal(first, second, probability);
    }
}
