package io.veltrix.reports.compare;

import java.util.List;

/**
 * A new run against a baseline: every metric of every strategy both ran.
 *
 * @param base the baseline's results file
 * @param current the new run's results file
 * @param rows per strategy (in the new run's order), per metric
 * @param onlyInBase strategies the baseline has and the new run does not
 * @param onlyInNew strategies the new run has and the baseline does not
 * @param notes what differs between the two runs beyond their numbers (scenario, seed, machine...), and how noise
 *     was judged
 * @param limits the allowed regressions, as {@link RegressionLimits#describe()} says them
 */
public record BaselineComparison(
        String base,
        String current,
        List<ComparisonRow> rows,
        List<String> onlyInBase,
        List<String> onlyInNew,
        List<String> notes,
        String limits) {

    public BaselineComparison {
        rows = List.copyOf(rows);
        onlyInBase = List.copyOf(onlyInBase);
        onlyInNew = List.copyOf(onlyInNew);
        notes = List.copyOf(notes);
    }

    /** The rows whose verdict is {@link CompareVerdict#REGRESSION}. */
    public List<ComparisonRow> regressions() {
        return rows.stream()
                .filter(r -> r.verdict() == CompareVerdict.REGRESSION)
                .toList();
    }

    /** Whether any metric regressed beyond its limit. */
    public boolean hasRegression() {
        return !regressions().isEmpty();
    }

    /** One line: {@code no regression (max regression: 10% for every metric)} or {@code 2 regressions: ...}. */
    public String summary() {
        List<ComparisonRow> regressions = regressions();
        if (regressions.isEmpty()) {
            return "no regression (max regression: " + limits + ")";
        }
        StringBuilder s = new StringBuilder();
        s.append(regressions.size()).append(regressions.size() == 1 ? " regression: " : " regressions: ");
        for (int i = 0; i < regressions.size(); i++) {
            ComparisonRow r = regressions.get(i);
            s.append(i == 0 ? "" : ", ")
                    .append(r.strategy())
                    .append(' ')
                    .append(r.metric().token())
                    .append(' ')
                    .append(r.deltaText())
                    .append(" (limit ")
                    .append(r.limitText())
                    .append(')');
        }
        return s.toString();
    }
}
