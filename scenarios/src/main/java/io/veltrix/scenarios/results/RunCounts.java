package io.veltrix.scenarios.results;

/**
 * The engine's accounting over the whole run, warm-up included, after its drain:
 * {@code submitted = completed + deadLettered + rejected + evicted + inFlight}.
 *
 * @param submitted first attempts submitted
 * @param completed events completed
 * @param deadLettered events given up on after failures
 * @param rejected events refused (first attempts and retries)
 * @param evicted events removed from a queue to admit another
 * @param inFlight events left when the drain ended (0 when everything drained)
 * @param retries retries scheduled
 * @param failedAttempts attempts that failed
 */
public record RunCounts(
        long submitted,
        long completed,
        long deadLettered,
        long rejected,
        long evicted,
        long inFlight,
        long retries,
        long failedAttempts) {

    /** Whether the accounting balances. */
    public boolean balances() {
        return submitted == completed + deadLettered + rejected + evicted + inFlight;
    }
}
