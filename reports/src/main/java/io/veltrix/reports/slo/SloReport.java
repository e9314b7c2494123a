package io.veltrix.reports.slo;

import java.util.List;

/**
 * Every SLO verdict of a run, in the order the objectives were given (scenario first, then {@code --assert}), each
 * objective once per strategy it applies to, in run order.
 */
public record SloReport(List<SloVerdict> verdicts) {

    /** No objectives. */
    public static final SloReport EMPTY = new SloReport(List.of());

    public SloReport {
        verdicts = List.copyOf(verdicts);
    }

    /** Whether no verdict fails the run (a run without objectives passes). */
    public boolean passed() {
        return verdicts.stream().noneMatch(v -> v.status().fails());
    }

    /** How many verdicts have {@code status}. */
    public long count(SloStatus status) {
        return verdicts.stream().filter(v -> v.status() == status).count();
    }

    /** The verdicts that fail the run. */
    public List<SloVerdict> failures() {
        return verdicts.stream().filter(v -> v.status().fails()).toList();
    }

    /** Whether there is no verdict at all. */
    public boolean isEmpty() {
        return verdicts.isEmpty();
    }

    /** One line: {@code all 3 SLOs passed}, {@code 2 of 3 SLOs failed}, {@code no SLOs}. */
    public String summary() {
        long checked = verdicts.size() - count(SloStatus.SKIPPED);
        long failed = failures().size();
        String skipped = count(SloStatus.SKIPPED) == 0 ? "" : " (" + count(SloStatus.SKIPPED) + " skipped)";
        if (verdicts.isEmpty()) {
            return "no SLOs";
        }
        if (failed == 0) {
            return (checked == 1 ? "the SLO passed" : "all " + checked + " SLO checks passed") + skipped;
        }
        return failed + " of " + checked + " SLO checks failed" + skipped;
    }
}
