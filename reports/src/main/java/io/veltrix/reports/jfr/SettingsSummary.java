package io.veltrix.reports.jfr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * For each event type the analysis reads: whether the recording enabled it, with which settings, and how many of
 * its events were read.
 *
 * @param eventTypes the event types the aggregators subscribed to
 * @param settings the recording's settings
 */
public record SettingsSummary(Set<String> eventTypes, EventSettings settings) implements ReportSection {

    @Override
    public String key() {
        return "settings";
    }

    @Override
    public String title() {
        return "Settings (jdk.ActiveSetting)";
    }

    @Override
    public void writeTo(SectionWriter out) {
        out.value("activeSettingsRecorded", "settings recorded", settings.hasActiveSettings(), Unit.TEXT);
        List<List<Object>> rows = new ArrayList<>();
        for (String type : eventTypes) {
            String values = settings.settings(type).entrySet().stream()
                    .filter(e -> !e.getKey().equals("enabled"))
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
            rows.add(List.of(
                    type,
                    settings.state(type).name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    settings.eventCount(type),
                    values));
        }
        out.table(
                "eventTypes",
                "event types analysed",
                List.of(
                        new Column("eventType", "event type", Unit.TEXT),
                        new Column("state", "state", Unit.TEXT),
                        new Column("events", "events", Unit.COUNT),
                        new Column("settings", "settings", Unit.TEXT)),
                rows);
        if (!settings.hasActiveSettings()) {
            out.note("The recording has no jdk.ActiveSetting events, so whether a type without events was enabled"
                    + " is unknown.");
        }
    }
}
