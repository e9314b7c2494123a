package io.veltrix.engine;

import java.util.Map;

/**
 * One event type at the moment of a snapshot.
 *
 * @param name the type
 * @param tier its tier
 * @param queue the queue that holds it
 * @param counts its accounting
 * @param failedAttempts attempts that failed (each one either retried or dead-lettered)
 * @param retries retries scheduled
 * @param waitingRetry events waiting for a retry now (part of in flight)
 * @param abandoned events a stop-now shutdown took from a queue and never handled (part of in flight)
 * @param rejectedBy rejections by reason
 * @param deadLetteredBy dead letters by reason
 * @param circuitBreaker the breaker's state and transitions, or {@code null} without a breaker
 * @param total latencies since the engine started
 * @param interval latencies since the previous snapshot
 */
public record TypeSnapshot(
        String name,
        String tier,
        String queue,
        Counts counts,
        long failedAttempts,
        long retries,
        long waitingRetry,
        long abandoned,
        Map<RejectReason, Long> rejectedBy,
        Map<DeadLetterReason, Long> deadLetteredBy,
        CircuitBreakerStats circuitBreaker,
        Latencies total,
        Latencies interval) {}
