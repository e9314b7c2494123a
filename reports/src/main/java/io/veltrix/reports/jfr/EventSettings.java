package io.veltrix.reports.jfr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The event settings a recording was made with, read from its {@code jdk.ActiveSetting} events rather than assumed:
 * defaults differ between JDK versions and every application may use its own {@code .jfc} file.
 *
 * <p>A file may carry the settings of several recordings that ran at once; an event type then counts as enabled if
 * any of them enabled it (the JVM records it if any recording asks), and a setting with several values shows them
 * all.
 */
public final class EventSettings {

    /** Whether an event type was recorded. */
    public enum State {
        /** Enabled by the settings, or events of the type are present. */
        ENABLED,
        /** The settings say {@code enabled=false}. */
        DISABLED,
        /** The recording has settings, but none for this type: JFR leaves such a type off. */
        NOT_CONFIGURED,
        /** The JVM that made the recording has no such event type. */
        NOT_IN_JVM,
        /** No events of the type, and no {@code jdk.ActiveSetting} events to tell why. */
        UNKNOWN
    }

    private static final int MAX_VALUES_PER_SETTING = 8;

    private final Map<String, Map<String, Set<String>>> settings;
    private final Set<String> knownTypes;
    private final Map<String, Long> eventCounts;

    EventSettings(
            Map<String, Map<String, Set<String>>> settings, Set<String> knownTypes, Map<String, Long> eventCounts) {
        this.settings = settings;
        this.knownTypes = knownTypes;
        this.eventCounts = eventCounts;
    }

    /** Whether the recording carries any {@code jdk.ActiveSetting} event. */
    public boolean hasActiveSettings() {
        return !settings.isEmpty();
    }

    /** Whether {@code eventType} was recorded, as far as the file tells. */
    public State state(String eventType) {
        if (eventCounts.getOrDefault(eventType, 0L) > 0) {
            return State.ENABLED;
        }
        if (!knownTypes.isEmpty() && !knownTypes.contains(eventType)) {
            return State.NOT_IN_JVM;
        }
        if (settings.isEmpty()) {
            return State.UNKNOWN;
        }
        Set<String> enabled = settings.getOrDefault(eventType, Map.of()).get("enabled");
        if (enabled == null) {
            return State.NOT_CONFIGURED;
        }
        return enabled.contains("true") ? State.ENABLED : State.DISABLED;
    }

    /** The settings of {@code eventType}, by name; a setting with several values joins them with " | ". */
    public Map<String, String> settings(String eventType) {
        Map<String, String> out = new TreeMap<>();
        settings.getOrDefault(eventType, Map.of()).forEach((name, values) -> out.put(name, String.join(" | ", values)));
        return out;
    }

    /** One setting of {@code eventType}, e.g. {@code period} or {@code throttle}; null when not set. */
    public String setting(String eventType, String name) {
        return settings(eventType).get(name);
    }

    /** Events of {@code eventType} the analysis read. */
    public long eventCount(String eventType) {
        return eventCounts.getOrDefault(eventType, 0L);
    }

    /** A sentence saying why there are no events of {@code eventType}. */
    public String whyMissing(String eventType) {
        return switch (state(eventType)) {
            case ENABLED -> {
                String threshold = setting(eventType, "threshold");
                yield eventType + " was enabled but no events were recorded"
                        + (threshold != null ? " (threshold " + threshold + ": only longer ones are recorded)" : "");
            }
            case DISABLED -> eventType + " was disabled in this recording (jdk.ActiveSetting enabled=false)";
            case NOT_CONFIGURED -> eventType + " was not configured in this recording's settings, so it was off";
            case NOT_IN_JVM -> "the JVM that made this recording has no " + eventType + " event";
            case UNKNOWN ->
                "no " + eventType + " events, and the recording has no jdk.ActiveSetting events"
                        + " to tell whether it was enabled";
        };
    }

    /** Collects settings while events stream past. */
    static final class Collector {
        private final Map<String, Map<String, Set<String>>> settings = new TreeMap<>();
        private final Set<String> knownTypes = new LinkedHashSet<>();

        void knownType(String eventType) {
            knownTypes.add(eventType);
        }

        void add(String eventType, String name, String value) {
            Set<String> values = settings.computeIfAbsent(eventType, t -> new TreeMap<>())
                    .computeIfAbsent(name, n -> new LinkedHashSet<>());
            String shown = readable(value);
            if (values.size() < MAX_VALUES_PER_SETTING || values.contains(shown)) {
                values.add(shown);
            }
        }

        /**
         * Settings made in code ({@code withPeriod(Duration.ofMillis(10))}) are recorded in nanoseconds; show them as
         * a .jfc file would ({@code 10 ms}) so they compare equal.
         */
        static String readable(String value) {
            if (value == null || !value.endsWith(" ns")) {
                return value;
            }
            String digits = value.substring(0, value.length() - 3);
            if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 18) {
                return value;
            }
            long nanos = Long.parseLong(digits);
            if (nanos == 0) {
                return "0 ns";
            }
            if (nanos % 1_000_000_000L == 0) {
                return nanos / 1_000_000_000L + " s";
            }
            if (nanos % 1_000_000L == 0) {
                return nanos / 1_000_000L + " ms";
            }
            if (nanos % 1_000L == 0) {
                return nanos / 1_000L + " us";
            }
            return value;
        }

        void merge(Collector other) {
            knownTypes.addAll(other.knownTypes);
            other.settings.forEach(
                    (type, byName) -> byName.forEach((name, values) -> values.forEach(v -> add(type, name, v))));
        }

        EventSettings build(Map<String, Long> eventCounts) {
            Map<String, Map<String, Set<String>>> copy = new LinkedHashMap<>();
            settings.forEach((type, byName) -> copy.put(type, Collections.unmodifiableMap(byName)));
            return new EventSettings(
                    Collections.unmodifiableMap(copy),
                    Collections.unmodifiableSet(knownTypes),
                    Map.copyOf(eventCounts));
        }
    }
}
