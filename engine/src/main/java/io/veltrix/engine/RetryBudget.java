package io.veltrix.engine;

/**
 * Limits retries to a fraction of recent traffic, so that a full downstream outage amplifies load by at most
 * {@code 1 + ratio} (in the spirit of gRPC retry throttling and Finagle's RetryBudget). A token bucket per event
 * type: every first-attempt submission deposits {@code ratio} tokens, every retry spends one, and the bucket
 * holds at most {@code maxTokens}, so quiet periods cannot bank an unbounded storm. A retry that finds less than
 * one token is not made: the failure is final and counted as budget-exhausted.
 *
 * @param ratio retries allowed per first attempt, from 0.0 to 10.0 (0.1 is "10%")
 * @param maxTokens the bucket's size in retries, from 1; also the most a burst of failures can retry at once
 */
public record RetryBudget(double ratio, int maxTokens) {
    public RetryBudget {
        Checks.range("ratio", ratio, 0.0, 10.0);
        Checks.range("maxTokens", maxTokens, 1, Integer.MAX_VALUE);
    }

    /** A budget of {@code ratio} with a bucket of 100 retries. */
    public static RetryBudget of(double ratio) {
        return new RetryBudget(ratio, 100);
    }

    @Override
    public String toString() {
        return "budget=" + Math.round(ratio * 1000) / 10.0 + "%/" + maxTokens;
    }
}
