package io.veltrix.scenarios.results;

/**
 * How the engine's drain at the end of a strategy went.
 *
 * @param drained whether every event was processed before the timeout
 * @param tookSeconds how long the shutdown took
 * @param leftInFlight events still in flight at the end (queued, abandoned or waiting for a retry)
 * @param leftQueued of those, still in queues
 * @param leftWaitingRetry of those, waiting for a retry
 * @param leftAbandoned of those, taken by a worker that was stopped before handling them
 * @param stuckWorkers workers that did not stop (a handler that never returns)
 */
public record ShutdownResult(
        boolean drained,
        double tookSeconds,
        long leftInFlight,
        long leftQueued,
        long leftWaitingRetry,
        long leftAbandoned,
        int stuckWorkers) {}
