package io.veltrix.engine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The run-time state of one event type: its handler, its queue, its policies, and the counters that submitters,
 * the retry timer and evictions update. Completions and failed attempts are counted per worker instead (see
 * {@link WorkerMetrics}), where a single writer needs no atomic.
 */
final class TypeState {
    final EventType type;
    final EventTypeConfig config;
    final EventHandler<Object> handler;
    final RetryPolicy retry;
    final BudgetBucket budget;
    final CircuitBreaker breaker;
    EventQueue queue;

    /**
     * The engine's counts of first attempts submitted under the default (any producer), one per thread and type,
     * shared by every type's state; this type's are at its index. See {@link #submitted()}.
     */
    private final SubmitCounts submitted;
    /**
     * First attempts submitted by the engine's single producer, which alone writes it (no atomic add needed), on
     * cache lines of its own: workers read this object's handler and breaker for every event.
     */
    private final SoleCounter soleSubmitted = new SoleCounter();

    final LongAdder evicted = new LongAdder();
    final LongAdder[] rejected = adders(RejectReason.values().length);
    final LongAdder[] deadLettered = adders(DeadLetterReason.values().length);
    /** Retries scheduled (each one a failed attempt that will be tried again). */
    final LongAdder retriesScheduled = new LongAdder();
    /** Retries that re-entered the queue. */
    final LongAdder retriesEnqueued = new LongAdder();
    /** Events waiting in the retry timer right now. */
    final AtomicLong waitingRetry = new AtomicLong();

    @SuppressWarnings("unchecked")
    TypeState(
            EventType type,
            EventTypeConfig config,
            RetryPolicy retry,
            NanoClock clock,
            String engineName,
            SubmitCounts submitted) {
        this.type = type;
        this.submitted = submitted;
        this.config = config;
        this.handler = (EventHandler<Object>) config.handler();
        this.retry = retry;
        this.budget = retry.budget() == null ? null : new BudgetBucket(retry.budget(), this::submitted);
        this.breaker = config.circuitBreaker() == null
                ? null
                : new CircuitBreaker(
                        config.circuitBreaker(),
                        clock,
                        (from, to) -> JfrPublisher.breakerTransition(
                                engineName,
                                type.name(),
                                from.name().toLowerCase().replace('_', '-'),
                                to.name().toLowerCase().replace('_', '-')));
    }

    /**
     * Counts a first attempt submitted. The count must be visible before the event is: callers count first, then
     * publish the event (a release), so whoever sees the event ended sees it counted.
     *
     * @param sole whether the caller is the engine's single producer
     */
    void countSubmitted(boolean sole) {
        if (sole) {
            soleSubmitted.increment();
        } else {
            submitted.increment(type.index());
        }
    }

    /** First attempts submitted so far. */
    long submitted() {
        return submitted.sum(type.index()) + soleSubmitted.get();
    }

    long rejectedTotal() {
        return sum(rejected);
    }

    long deadLetteredTotal() {
        return sum(deadLettered);
    }

    static long sum(LongAdder[] adders) {
        long total = 0;
        for (LongAdder a : adders) {
            total += a.sum();
        }
        return total;
    }

    private static LongAdder[] adders(int n) {
        LongAdder[] a = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }
}
