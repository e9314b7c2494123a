package io.veltrix.reports.slo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SLO verdicts for the console, after the comparison table:
 *
 * <pre>
 * SLOs: 1 of 3 SLO checks failed
 *   PASS  tiered  throughput &gt;= 4900/s strategy=tiered: throughput of all events was 4,951/s; must be &gt;= 4,900/s
 *   FAIL  tiered  p99 &lt; 20ms strategy=tiered type=payment: p99 of type payment was 222ms; must be &lt; 20ms
 * </pre>
 */
public final class SloConsole {
    private static final String RED = "\u001B[31m";
    private static final String GREEN = "\u001B[32m";
    private static final String YELLOW = "\u001B[33m";
    private static final String RESET = "\u001B[0m";

    private SloConsole() {}

    /**
     * The lines; empty without objectives.
     *
     * @param colour whether ANSI colours may mark the outcomes
     */
    public static List<String> lines(SloReport report, boolean colour) {
        List<String> lines = new ArrayList<>();
        if (report.isEmpty()) {
            return lines;
        }
        lines.add("SLOs: " + report.summary());
        int width = 0;
        for (SloVerdict v : report.verdicts()) {
            width = Math.max(width, v.strategy() == null ? 1 : v.strategy().length());
        }
        for (SloVerdict v : report.verdicts()) {
            String status =
                    String.format(Locale.ROOT, "%-7s", v.status().label().toUpperCase(Locale.ROOT));
            if (colour) {
                String c = v.status() == SloStatus.PASS ? GREEN : v.status().fails() ? RED : YELLOW;
                status = c + status + RESET;
            }
            String strategy = String.format(Locale.ROOT, "%-" + width + "s", v.strategy() == null ? "-" : v.strategy());
            lines.add("  " + status + "  " + strategy + "  " + v.slo().expression() + ": " + v.message());
        }
        return lines;
    }
}
