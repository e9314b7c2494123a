package io.veltrix.engine;

import java.util.function.LongSupplier;

/**
 * The token bucket behind a {@link RetryBudget}. Deposits are not made on the submit path: when a retry is
 * considered, the bucket credits {@code ratio} tokens for every first attempt submitted since it last looked (read
 * from the type's submitted counter), caps the total at {@code maxTokens}, and spends one token if it can. Only
 * failures pay for this, and they take a lock the success path never sees.
 */
final class BudgetBucket {
    private final double ratio;
    private final double maxTokens;
    private final LongSupplier submitted;
    private long submittedSeen;
    private double tokens;

    BudgetBucket(RetryBudget budget, LongSupplier submitted) {
        this.ratio = budget.ratio();
        this.maxTokens = budget.maxTokens();
        this.submitted = submitted;
    }

    /** Spends one token for a retry; false when the budget is exhausted. */
    synchronized boolean tryAcquire() {
        long now = submitted.getAsLong();
        long fresh = now - submittedSeen;
        if (fresh > 0) {
            submittedSeen = now;
            tokens = Math.min(maxTokens, tokens + fresh * ratio);
        }
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return true;
        }
        return false;
    }

    synchronized double tokens() {
        return tokens;
    }
}
