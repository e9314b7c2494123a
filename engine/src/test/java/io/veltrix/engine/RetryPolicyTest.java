package io.veltrix.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final long MS = 1_000_000L;
    private static final int DRAWS = 200_000;

    private static RetryPolicy exponential(Jitter jitter) {
        return RetryPolicy.exponential(Duration.ofMillis(10), 2.0, Duration.ofSeconds(1), jitter, 20);
    }

    @Test
    void shouldWaitTheSameDelayEveryTimeUnderFixedPolicy() {
        RetryPolicy fixed = RetryPolicy.fixed(Duration.ofMillis(25), 3);
        SplittableRandom random = new SplittableRandom(1);
        assertThat(fixed.delayNanos(1, 0, random)).isEqualTo(25 * MS);
        assertThat(fixed.delayNanos(2, 25 * MS, random)).isEqualTo(25 * MS);
        assertThat(fixed.maxAttempts()).isEqualTo(3);
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void shouldDoubleUpToTheCapWithoutJitter() {
        RetryPolicy p = exponential(Jitter.NONE);
        SplittableRandom random = new SplittableRandom(1);
        long[] expected = {10, 20, 40, 80, 160, 320, 640, 1000, 1000};
        for (int retry = 1; retry <= expected.length; retry++) {
            assertThat(p.delayNanos(retry, 0, random)).as("retry %d", retry).isEqualTo(expected[retry - 1] * MS);
        }
    }

    @Test
    void shouldDrawFullJitterUniformlyBelowTheExponentialDelay() {
        RetryPolicy p = exponential(Jitter.FULL);
        SplittableRandom random = new SplittableRandom(42);
        double sum = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < DRAWS; i++) {
            long d = p.delayNanos(3, 0, random); // exp = 40 ms
            sum += d;
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(min).isGreaterThanOrEqualTo(0).isLessThan(MS / 10);
        assertThat(max).isLessThanOrEqualTo(40 * MS).isGreaterThan(39 * MS + 900_000);
        // Uniform(0, 40 ms): mean 20 ms; the standard error over 200,000 draws is 0.026 ms.
        assertThat(sum / DRAWS / MS).isCloseTo(20.0, within(0.15));
    }

    @Test
    void shouldKeepAtLeastHalfUnderEqualJitter() {
        RetryPolicy p = exponential(Jitter.EQUAL);
        SplittableRandom random = new SplittableRandom(7);
        double sum = 0;
        for (int i = 0; i < DRAWS; i++) {
            long d = p.delayNanos(3, 0, random);
            assertThat(d).isBetween(20 * MS, 40 * MS);
            sum += d;
        }
        // 20 ms + Uniform(0, 20 ms): mean 30 ms.
        assertThat(sum / DRAWS / MS).isCloseTo(30.0, within(0.1));
    }

    @Test
    void shouldGrowFromThePreviousDelayUnderDecorrelatedJitter() {
        RetryPolicy p = exponential(Jitter.DECORRELATED);
        SplittableRandom random = new SplittableRandom(9);
        double sum = 0;
        for (int i = 0; i < DRAWS; i++) {
            long d = p.delayNanos(4, 100 * MS, random);
            assertThat(d).isBetween(10 * MS, 300 * MS);
            sum += d;
        }
        // Uniform(base 10 ms, previous x 3 = 300 ms): mean 155 ms.
        assertThat(sum / DRAWS / MS).isCloseTo(155.0, within(1.0));
        // Capped: from a previous 900 ms, uniform(10, 2700) is cut at the 1 s cap.
        for (int i = 0; i < 1000; i++) {
            assertThat(p.delayNanos(5, 900 * MS, random)).isBetween(10 * MS, 1000 * MS);
        }
        // First retry: previous = base, so uniform(base, 3 x base).
        for (int i = 0; i < 1000; i++) {
            assertThat(p.delayNanos(1, 0, random)).isBetween(10 * MS, 30 * MS);
        }
    }

    @Test
    void shouldCheckArguments() {
        assertThatThrownBy(
                        () -> RetryPolicy.exponential(Duration.ofMillis(10), 2.0, Duration.ofMillis(5), Jitter.FULL, 3))
                .hasMessage("cap must be at least base (PT0.01S), was PT0.005S");
        assertThatThrownBy(() -> RetryPolicy.fixed(Duration.ofMillis(1), 0))
                .hasMessage("maxAttempts must be between 1 and 1000000 (inclusive), was 0");
        assertThatThrownBy(() -> new RetryBudget(-0.1, 10))
                .hasMessage("ratio must be between 0.0 and 10.0 (inclusive), was -0.1");
    }
}
