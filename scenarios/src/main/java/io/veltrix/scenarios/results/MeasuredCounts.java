package io.veltrix.scenarios.results;

/**
 * What happened during the measured part of a run (after the warm-up): differences between the engine's counters
 * at the end of the run (after the drain) and at the warm-up boundary. An event submitted during the warm-up but
 * ending after it is counted where it ended, so these do not balance exactly; the whole run's counts do.
 *
 * <p>{@code completed} counts the completions whose latencies were recorded after the boundary, so it equals the
 * count of the end-to-end latency summary and of the {@code .hlog} file exactly.
 *
 * @param submitted first attempts submitted
 * @param completed events completed
 * @param deadLettered events given up on after failures
 * @param rejected events refused at submission, plus retries refused by a full queue
 * @param evicted events removed from a queue to admit another
 * @param lost {@code deadLettered + rejected + evicted}
 * @param lossPercent {@code lost} as a percentage of {@code submitted} (0 when nothing was submitted)
 * @param retries retries scheduled
 * @param failedAttempts attempts that failed (each retried or dead-lettered)
 */
public record MeasuredCounts(
        long submitted,
        long completed,
        long deadLettered,
        long rejected,
        long evicted,
        long lost,
        double lossPercent,
        long retries,
        long failedAttempts) {

    /** Counts with {@code lost} and {@code lossPercent} derived. */
    public static MeasuredCounts of(
            long submitted,
            long completed,
            long deadLettered,
            long rejected,
            long evicted,
            long retries,
            long failedAttempts) {
        long lost = deadLettered + rejected + evicted;
        double percent = submitted == 0 ? 0.0 : 100.0 * lost / submitted;
        return new MeasuredCounts(
                submitted, completed, deadLettered, rejected, evicted, lost, percent, retries, failedAttempts);
    }

    /** The sum of two sets of counts. */
    public MeasuredCounts plus(MeasuredCounts o) {
        return of(
                submitted + o.submitted,
                completed + o.completed,
                deadLettered + o.deadLettered,
                rejected + o.rejected,
                evicted + o.evicted,
                retries + o.retries,
                failedAttempts + o.failedAttempts);
    }
}
