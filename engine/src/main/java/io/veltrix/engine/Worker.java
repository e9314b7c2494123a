package io.veltrix.engine;

/**
 * A worker thread's duty cycle, {@code while (running) idle.idle(doWork())}, after Agrona. It drains a batch
 * from the queue its {@link TierScheduler} picks, runs each event's handler, records the measurements, and
 * routes failures to the {@link FailureRouter}. Nothing a handler throws escapes: it is counted and routed.
 */
final class Worker implements Runnable {
    /** No clock reading: {@link System#nanoTime()} may be any value, but never this one in practice. */
    private static final long NO_TIME = Long.MIN_VALUE;

    final int index;
    final WorkerMetrics metrics;
    private final TierScheduler scheduler;
    private final IdleStrategy idle;
    private final EngineRuntime runtime;
    private final EventSlot[] batch;
    /** This worker's own slots, into which first attempts are copied out of ring queues. */
    private final EventSlot[] flyweights;
    /**
     * The batch's plain events (untimed first attempts that succeeded), counted per type; {@link #touched} lists
     * the types counted, the first {@link #touchedCount} of it.
     */
    private final int[] okCount;
    /**
     * Per type, its handler when it has no circuit breaker (the fast path), else null: this worker's own copy, so
     * that handling an event reads no cache line that submitters write (a type's submitted counter may share one
     * with its {@link TypeState}).
     */
    private final EventHandler<Object>[] fastHandlers;

    private final int[] touched;
    private int touchedCount;
    // The batch's other events (timed, retried or failed), recorded after it (see drain), the first {@link
    // #specials} of these arrays. Attempts 0 marks a failed attempt.
    private int specials;
    private final int[] bType;
    private final long[] bQueueDelay;
    private final long[] bService;
    private final long[] bEndToEnd;
    private final long[] bFromSubmit;
    private final int[] bAttempts;
    private final boolean[] bTimed;
    /** Jitter for this worker's retry delays; seeded per worker so runs differ only by timing. */
    private final java.util.SplittableRandom random;

    Worker(int index, EngineRuntime runtime, TierScheduler scheduler, IdleStrategy idle, int batchSize) {
        this.index = index;
        this.runtime = runtime;
        this.scheduler = scheduler;
        this.idle = idle;
        this.metrics = new WorkerMetrics(runtime.types.length);
        this.batch = new EventSlot[batchSize];
        this.flyweights = new EventSlot[batchSize];
        for (int i = 0; i < batchSize; i++) {
            flyweights[i] = new EventSlot(true);
        }
        this.okCount = new int[runtime.types.length];
        @SuppressWarnings("unchecked")
        EventHandler<Object>[] fast = new EventHandler[runtime.types.length];
        for (TypeState t : runtime.types) {
            fast[t.type.index()] = t.breaker == null ? t.handler : null;
        }
        this.fastHandlers = fast;
        this.touched = new int[batchSize];
        this.bType = new int[batchSize];
        this.bQueueDelay = new long[batchSize];
        this.bService = new long[batchSize];
        this.bEndToEnd = new long[batchSize];
        this.bFromSubmit = new long[batchSize];
        this.bAttempts = new int[batchSize];
        this.bTimed = new boolean[batchSize];
        this.random = new java.util.SplittableRandom(runtime.seed + index);
    }

    @Override
    public void run() {
        while (runtime.workersRun) {
            idle.idle(scheduler.doWork(this));
        }
    }

    /**
     * Takes up to {@code max} events from {@code queue} and handles them. Measurements are kept in primitive
     * arrays and recorded after the batch, in one short critical section: a handler that blocks must never hold
     * up a snapshot. The loop stays in one method so the JIT sees the whole batch.
     */
    int drain(EventQueue queue, int max) {
        EventSlot[] slots = batch;
        int n = 0;
        // A chunked queue, or the retry lane beside a single producer's ring: drained first, so that retries are
        // never starved by a ring that always has a batch.
        var chunked = queue.queue;
        if (chunked != null) {
            while (n < max) {
                EventSlot slot = chunked.relaxedPoll();
                if (slot == null) {
                    break;
                }
                slots[n++] = slot;
            }
        }
        int fromChunked = n;
        if (queue.ring != null && n < max) {
            n += queue.ring.take(flyweights, slots, n, max - n);
        }
        if (n == 0) {
            return 0;
        }
        metrics.inBatch = n;
        if (fromChunked > 0) {
            queue.depth.addAndGet(-fromChunked);
        }
        int handled = 0;
        // One clock read per timed event: an event starts when the previous one of the batch ended (the clock is
        // 30-65 ns a read on some machines, more than the rest of the hand-off). Untimed events (latency
        // sampling) read no clock unless they fail.
        long now = NO_TIME;
        EventHandler<Object>[] fast = fastHandlers;
        for (; handled < n; handled++) {
            if (runtime.stopNow) {
                break;
            }
            EventSlot slot = slots[handled];
            if (!slot.timed && slot.attempt == 1) {
                // The common case under latency sampling, kept small so that it stays in this loop: an untimed
                // first attempt of a type without a circuit breaker; it reads no clock, and if it succeeds it is
                // only counted, per type, once per batch.
                int typeIndex = slot.type.index();
                EventHandler<Object> handler = fast[typeIndex];
                if (handler != null) {
                    Outcome outcome;
                    try {
                        outcome = handler.onEvent(slot);
                    } catch (Throwable t) {
                        now = settle(slot, runtime.types[typeIndex], failedWith(t), t, now);
                        continue;
                    }
                    if (outcome == null || outcome == Outcome.SUCCESS) {
                        countFirstAttempt(typeIndex);
                        // A flyweight keeps its payload reference until its next event: the ring it came from
                        // keeps that reference anyway until the cell is reused.
                        if (!slot.flyweight) {
                            runtime.recycle(slot);
                        }
                        continue;
                    }
                    now = settle(slot, runtime.types[typeIndex], outcome, null, now);
                    continue;
                }
            }
            if (slot.timed && now == NO_TIME) {
                now = runtime.clock.nanoTime();
            }
            now = handle(slot, now);
        }
        record();
        if (handled < n) {
            runtime.abandon(slots, handled, n);
        }
        metrics.inBatch = 0;
        return handled;
    }

    /**
     * Handles one event; a timed one starts at {@code start}. Returns when it ended, or {@link #NO_TIME} if it was
     * untimed and succeeded (no clock was read).
     */
    private long handle(EventSlot slot, long start) {
        TypeState type = runtime.types[slot.type.index()];
        CircuitBreaker breaker = type.breaker;
        Outcome outcome;
        Throwable failure = null;
        if (breaker != null && !breaker.allow()) {
            outcome = Outcome.TRANSIENT_FAILURE;
            failure = CircuitOpenException.INSTANCE;
        } else {
            try {
                outcome = type.handler.onEvent(slot);
                if (outcome == null) {
                    outcome = Outcome.SUCCESS;
                }
            } catch (Throwable t) {
                failure = t;
                outcome = failedWith(t);
            }
            if (breaker != null) {
                breaker.onResult(outcome == Outcome.SUCCESS);
            }
        }
        return settle(slot, type, outcome, failure, start);
    }

    private static Outcome failedWith(Throwable t) {
        return FailureRouter.isPermanent(t) ? Outcome.PERMANENT_FAILURE : Outcome.TRANSIENT_FAILURE;
    }

    /**
     * Accounts for an event whose handler returned {@code outcome} (not null): records its measurements, recycles
     * it or routes its failure. Returns when it ended, or {@link #NO_TIME} if it was untimed and succeeded.
     */
    private long settle(EventSlot slot, TypeState type, Outcome outcome, Throwable failure, long start) {
        boolean timed = slot.timed;
        int typeIndex = slot.type.index();
        if (outcome == Outcome.SUCCESS && !timed && slot.attempt == 1) {
            // The common case under latency sampling: only counted, per type, once per batch.
            countFirstAttempt(typeIndex);
            runtime.recycle(slot);
            return NO_TIME;
        }
        int i = specials++;
        bType[i] = typeIndex;
        bTimed[i] = timed;
        if (outcome == Outcome.SUCCESS) {
            long end = NO_TIME;
            if (timed) {
                end = runtime.clock.nanoTime();
                bQueueDelay[i] = start - slot.enqueueNanos;
                bService[i] = end - start;
                bEndToEnd[i] = end - slot.intendedNanos;
                bFromSubmit[i] = end - slot.submitNanos;
            }
            bAttempts[i] = slot.attempt;
            runtime.recycle(slot);
            return end;
        }
        // Failures need the time (retry delays, deadlines, dead letters) whether timed or not.
        long end = runtime.clock.nanoTime();
        if (timed) {
            bQueueDelay[i] = start - slot.enqueueNanos;
            bService[i] = end - start;
        }
        bAttempts[i] = 0;
        if (slot.flyweight) {
            // A retry or a dead letter outlives the batch: it needs a slot of its own.
            EventSlot own = runtime.pool.acquire();
            own.copyFirstAttempt(slot);
            if (!timed && own.intendedNanos == 0) {
                // Submitted untimed without an intended time: its deadline counts from this failure.
                own.intendedNanos = end;
            }
            slot.payload = null;
            slot = own;
        }
        runtime.failures.onFailure(slot, type, outcome, failure, end, random);
        return end;
    }

    /** Records the batch's results in one critical section. */
    private void record() {
        int n = specials;
        if (n == 0 && touchedCount == 0) {
            return;
        }
        WorkerMetrics m = metrics;
        long token = m.enter();
        try {
            for (int i = 0; i < n; i++) {
                int type = bType[i];
                boolean timed = bTimed[i];
                if (timed) {
                    m.recordAttempt(type, bQueueDelay[i], bService[i]);
                }
                int attempts = bAttempts[i];
                if (attempts == 0) {
                    m.countFailedAttempt(type);
                    continue;
                }
                if (timed) {
                    m.recordLatencies(type, bEndToEnd[i], bFromSubmit[i]);
                }
                if (attempts == 1) {
                    countFirstAttempt(type);
                } else {
                    m.countCompletion(type, attempts);
                }
            }
            for (int k = 0; k < touchedCount; k++) {
                int type = touched[k];
                m.countFirstAttemptCompletions(type, okCount[type]);
                okCount[type] = 0;
            }
        } finally {
            m.exit(token);
            specials = 0;
            touchedCount = 0;
        }
    }

    /** Counts a completed first attempt of {@code type}, to be recorded with the batch's others. */
    private void countFirstAttempt(int type) {
        int count = okCount[type];
        if (count == 0) {
            touched[touchedCount++] = type;
        }
        okCount[type] = count + 1;
    }
}
