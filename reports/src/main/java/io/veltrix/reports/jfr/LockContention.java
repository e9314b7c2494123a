package io.veltrix.reports.jfr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Lock contention figures.
 *
 * @param monitors threads blocked on {@code synchronized} ({@code jdk.JavaMonitorEnter})
 * @param parks threads parked ({@code jdk.ThreadPark})
 */
public record LockContention(Blocked monitors, Blocked parks) implements ReportSection {

    /**
     * Blocking of one kind.
     *
     * @param eventType the JFR event type
     * @param events number of events
     * @param totalNanos summed time blocked, nanoseconds
     * @param maxNanos the longest single block, nanoseconds
     * @param byClass class of the monitor or blocker object, by time blocked
     * @param bySite first frame outside the parking machinery, by time blocked
     * @param threshold the event's threshold setting: shorter blocks are not recorded; null when unknown
     * @param whyMissing why there are no events, should there be none
     */
    public record Blocked(
            String eventType,
            long events,
            long totalNanos,
            long maxNanos,
            List<Ranked<String>> byClass,
            List<Ranked<String>> bySite,
            String threshold,
            String whyMissing) {}

    @Override
    public String key() {
        return "locks";
    }

    @Override
    public String title() {
        return "Lock contention (jdk.JavaMonitorEnter, jdk.ThreadPark)";
    }

    @Override
    public void writeTo(SectionWriter out) {
        write(out, monitors, "monitorEnter", "blocked on monitors", "monitor class");
        write(out, parks, "park", "parked", "blocker class");
    }

    private static void write(SectionWriter out, Blocked b, String prefix, String what, String classHeader) {
        if (b.events() == 0) {
            out.missing(prefix + "Count", what, b.whyMissing());
            return;
        }
        out.count(prefix + "Count", what + ", events", b.events());
        out.millis(prefix + "TotalMs", what + ", total time", Duration.ofNanos(b.totalNanos()));
        out.millis(prefix + "MaxMs", what + ", longest", Duration.ofNanos(b.maxNanos()));
        out.table(
                prefix + "ByClass", what + ", by " + classHeader, columns("class", classHeader), rows(b.byClass(), b));
        out.table(prefix + "BySite", what + ", by site", columns("site", "site"), rows(b.bySite(), b));
        if (b.threshold() != null) {
            out.note(b.eventType() + " records only blocks longer than its threshold (" + b.threshold()
                    + "), so its totals are lower bounds.");
        }
    }

    private static List<Column> columns(String key, String header) {
        return List.of(
                new Column(key, header, Unit.TEXT),
                new Column("totalMs", "total", Unit.MILLISECONDS),
                new Column("events", "events", Unit.COUNT),
                new Column("percent", "share", Unit.PERCENT));
    }

    private static List<List<Object>> rows(List<Ranked<String>> entries, Blocked b) {
        List<List<Object>> rows = new ArrayList<>();
        for (Ranked<String> e : entries) {
            rows.add(List.of(
                    e.key(),
                    e.weight() / 1e6,
                    e.count(),
                    b.totalNanos() == 0 ? 0.0 : 100.0 * e.weight() / b.totalNanos()));
        }
        return rows;
    }
}
