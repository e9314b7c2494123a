package io.veltrix.scenarios.parse;

import io.veltrix.scenarios.model.Sizing;
import java.time.Duration;
import java.util.List;

/** Reads {@code sizing}: {@code fixed: {capacity}} or {@code dynamic: {min, max, initial, target-delay}}. */
final class SizingReader {
    /** CoDel's default target: queueing delay worth controlling, short enough not to be felt. */
    static final Duration DEFAULT_TARGET_DELAY = Duration.ofMillis(5);

    private SizingReader() {}

    /** The sizing at {@code node}, or null when it is wrong (problems recorded). */
    static Sizing read(ParseContext context, YamlNode node, String path) {
        Fields f = Fields.of(
                context,
                node,
                path,
                Keys.SIZING,
                "a mapping with fixed or dynamic, like {fixed:" + " {capacity: 1024}}");
        if (f == null) {
            return null;
        }
        String kind = f.oneOf(List.of("fixed", "dynamic"));
        if (kind == null) {
            return null;
        }
        if (kind.equals("fixed")) {
            Fields fixed =
                    Fields.of(context, f.node("fixed"), f.pathOf("fixed"), Keys.FIXED_SIZING, "{capacity:" + " 1024}");
            Integer capacity = fixed == null ? null : fixed.requiredInteger("capacity", 1);
            return capacity == null ? null : new Sizing.Fixed(capacity);
        }
        Fields d = Fields.of(
                context,
                f.node("dynamic"),
                f.pathOf("dynamic"),
                Keys.DYNAMIC_SIZING,
                "a mapping with" + " min, max, initial and target-delay");
        if (d == null) {
            return null;
        }
        Integer min = d.requiredInteger("min", 1);
        Integer max = d.requiredInteger("max", 1);
        Integer initial = d.integer("initial", min, 1);
        Duration target = d.positiveDuration("target-delay", DEFAULT_TARGET_DELAY, false);
        if (min == null || max == null || initial == null || target == null) {
            return null;
        }
        if (max < min) {
            d.error("max", "must be at least min (" + min + "), was " + max);
            return null;
        }
        if (initial < min || initial > max) {
            d.error("initial", "must be between min (" + min + ") and max (" + max + "), was " + initial);
            return null;
        }
        return new Sizing.Dynamic(min, max, initial, target);
    }
}
