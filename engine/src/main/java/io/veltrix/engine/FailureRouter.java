package io.veltrix.engine;

import java.util.random.RandomGenerator;

/**
 * Decides what a failed attempt leads to: a retry (now, or later through the {@link RetryTimer}) or a dead
 * letter. The order of the checks is the order of the reasons: permanent, attempts used up, deadline, budget.
 * Runs on the worker that saw the failure; allocates nothing on the retry path.
 */
final class FailureRouter {
    static final String RETURNED_TRANSIENT = "handler returned TRANSIENT_FAILURE";
    static final String RETURNED_PERMANENT = "handler returned PERMANENT_FAILURE";

    private final EngineRuntime runtime;

    FailureRouter(EngineRuntime runtime) {
        this.runtime = runtime;
    }

    /** Whether a thrown failure is permanent: a {@link PermanentFailureException} anywhere in its cause chain. */
    static boolean isPermanent(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PermanentFailureException) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    void onFailure(
            EventSlot slot, TypeState type, Outcome outcome, Throwable failure, long now, RandomGenerator random) {
        Object reason = failure != null
                ? failure
                : (outcome == Outcome.PERMANENT_FAILURE ? RETURNED_PERMANENT : RETURNED_TRANSIENT);
        if (slot.firstFailure == null) {
            slot.firstFailure = reason;
            slot.firstFailureNanos = now;
        }
        slot.lastFailure = reason;
        slot.lastFailureNanos = now;

        RetryPolicy policy = type.retry;
        if (outcome == Outcome.PERMANENT_FAILURE) {
            runtime.deadLetter(slot, type, DeadLetterReason.PERMANENT);
            return;
        }
        if (slot.attempt >= policy.maxAttempts()) {
            runtime.deadLetter(slot, type, DeadLetterReason.MAX_ATTEMPTS);
            return;
        }
        long delay = policy.delayNanos(slot.attempt, slot.previousDelayNanos, random);
        if (policy.deadline() != null
                && now + delay - slot.intendedNanos > policy.deadline().toNanos()) {
            runtime.deadLetter(slot, type, DeadLetterReason.DEADLINE);
            return;
        }
        if (type.budget != null && !type.budget.tryAcquire()) {
            runtime.deadLetter(slot, type, DeadLetterReason.BUDGET_EXHAUSTED);
            return;
        }
        slot.attempt++;
        slot.previousDelayNanos = delay;
        slot.retryDueNanos = now + delay;
        type.retriesScheduled.increment();
        type.waitingRetry.incrementAndGet();
        if (delay == 0) {
            // Immediate retry (the naive policy): straight back into the queue, no timer.
            runtime.reenter(slot, type, now);
        } else {
            runtime.retryTimer.schedule(slot);
        }
    }
}
