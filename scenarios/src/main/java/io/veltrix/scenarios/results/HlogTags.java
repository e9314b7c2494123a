package io.veltrix.scenarios.results;

/**
 * How the histograms of a {@code <strategy>.hlog} interval are tagged (see {@code docs/results-format.md}).
 *
 * <ul>
 *   <li>no tag: end-to-end latency of every event type together;
 *   <li>{@code <type>}: end-to-end latency of one event type;
 *   <li>{@code <kind>:<type>}: another latency kind of one event type, {@code <kind>} being {@code uncorrected},
 *       {@code queueDelay} or {@code service} (the names of {@link LatencySet}'s fields);
 *   <li>{@code lag:generator}: the open-load generator's lag behind its schedule (absent for a closed load).
 * </ul>
 *
 * Event type names never hold a {@code ':'}, so a tag with one is never an event type. Logs written before the other
 * kinds were kept hold only the first two.
 */
public final class HlogTags {
    /** The tag of the generator's lag. */
    public static final String LAG = "lag:generator";

    private static final char SEPARATOR = ':';

    /** The latency kinds other than end-to-end that a log keeps per event type. */
    public enum Kind {
        UNCORRECTED("uncorrected"),
        QUEUE_DELAY("queueDelay"),
        SERVICE("service");

        private final String tagName;

        Kind(String tagName) {
            this.tagName = tagName;
        }

        /** The kind's name in tags and in results.json. */
        public String tagName() {
            return tagName;
        }

        /** This kind's summary in {@code latencies}. */
        public LatencySummary summaryIn(LatencySet latencies) {
            return switch (this) {
                case UNCORRECTED -> latencies.uncorrected();
                case QUEUE_DELAY -> latencies.queueDelay();
                case SERVICE -> latencies.service();
            };
        }

        /** The tag of this kind's histogram of event type {@code type}. */
        public String tag(String type) {
            return tagName + SEPARATOR + type;
        }

        /** The kind a tag names, or null for an untagged, end-to-end or lag histogram or a kind not known here. */
        public static Kind ofTag(String tag) {
            int at = tag == null ? -1 : tag.indexOf(SEPARATOR);
            if (at < 0) {
                return null;
            }
            String name = tag.substring(0, at);
            for (Kind k : values()) {
                if (k.tagName.equals(name)) {
                    return k;
                }
            }
            return null;
        }
    }

    private HlogTags() {}

    /** Whether {@code tag} is one of an event type's end-to-end latency (a plain name, no kind). */
    public static boolean isEndToEndOfType(String tag) {
        return tag != null && tag.indexOf(SEPARATOR) < 0;
    }

    /** The event type of a {@code <kind>:<type>} tag. */
    public static String typeOf(String tag) {
        return tag.substring(tag.indexOf(SEPARATOR) + 1);
    }
}
