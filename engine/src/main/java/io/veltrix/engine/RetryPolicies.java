package io.veltrix.engine;

import java.time.Duration;

final class RetryPolicies {
    private RetryPolicies() {}

    static String suffix(Duration deadline, RetryBudget budget) {
        return (deadline == null ? "" : " deadline=" + deadline.toMillis() + "ms")
                + (budget == null ? "" : " " + budget);
    }
}
