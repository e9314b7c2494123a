package io.veltrix.scenarios.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the per-tier {@code weights} of weighted scheduling: a positive whole number for every tier. */
final class WeightsReader {
    private WeightsReader() {}

    /**
     * The weights under {@code f}'s {@code weights} key, or null when they are wrong (problems recorded).
     *
     * @param tiers the engine's tiers, or null when those were wrong (names are then not checked)
     */
    static Map<String, Integer> read(Fields f, List<String> tiers) {
        ParseContext context = f.context();
        YamlNode node = f.node("weights");
        if (!(node instanceof YamlNode.Mapping)) {
            f.error(
                    "weights",
                    "expected a mapping from tier to weight, like {critical: 8, high: 4, normal: 2, low:"
                            + " 1}, found " + node.describe());
            return null;
        }
        int before = context.problemCount();
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (YamlNode.Entry entry : ((YamlNode.Mapping) node).entries().values()) {
            String path = Paths.child(f.pathOf("weights"), entry.key());
            if (tiers != null && !tiers.contains(entry.key())) {
                context.error(
                        entry.keyLocation(),
                        f.pathOf("weights") + ": unknown tier '" + entry.key() + "'; expected one of "
                                + String.join(", ", tiers) + Suggestions.didYouMean(entry.key(), tiers));
                continue;
            }
            YamlNode value = entry.value();
            if (!(value instanceof YamlNode.Scalar)
                    || ((YamlNode.Scalar) value).type() != YamlNode.ScalarType.INTEGER
                    || !((YamlNode.Scalar) value).text().matches("[0-9]{1,9}")
                    || Integer.parseInt(((YamlNode.Scalar) value).text()) < 1) {
                context.error(
                        value.location(), path + ": expected a whole number of at least 1, found " + value.describe());
                continue;
            }
            weights.put(entry.key(), Integer.parseInt(((YamlNode.Scalar) value).text()));
        }
        if (tiers != null && context.problemCount() == before) {
            for (String tier : tiers) {
                if (!weights.containsKey(tier)) {
                    f.error("weights", "missing weight for tier '" + tier + "'; every tier needs one");
                }
            }
        }
        return context.problemCount() == before ? weights : null;
    }
}
