package io.veltrix.engine;

import java.time.Duration;

/**
 * What {@link Engine#shutdown} did and what it left.
 *
 * @param mode the mode asked for
 * @param drained whether everything was processed (always false for {@link ShutdownMode#STOP_NOW} with work left)
 * @param took how long the shutdown took
 * @param leftQueued events still in queues, never handled
 * @param leftAbandoned events workers had taken but were stopped before handling
 * @param leftWaitingRetry events that were waiting for a retry
 * @param stuckWorkers workers that did not stop within the timeout (a handler that never returns)
 * @param last the final snapshot, taken after everything stopped
 */
public record ShutdownReport(
        ShutdownMode mode,
        boolean drained,
        Duration took,
        long leftQueued,
        long leftAbandoned,
        long leftWaitingRetry,
        int stuckWorkers,
        EngineSnapshot last) {

    /** All events left in flight. */
    public long leftInFlight() {
        return last.total().inFlight();
    }
}
