package io.veltrix.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private final FakeClock clock = new FakeClock();
    private final CircuitBreaker breaker = new CircuitBreaker(
            new CircuitBreakerConfig(0.5, Duration.ofSeconds(1), 4, Duration.ofMillis(100), 2), clock);

    private void attempt(boolean success) {
        assertThat(breaker.allow()).isTrue();
        breaker.onResult(success);
    }

    @Test
    void shouldOpenOnFailureRatioThenProbeThenClose() {
        attempt(true);
        attempt(false);
        attempt(false);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED); // 3 attempts < minimum 4
        attempt(false); // 3 of 4 failed >= 50%
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.allow()).isFalse();
        clock.advanceMillis(99);
        assertThat(breaker.allow()).isFalse();
        clock.advanceMillis(1);
        assertThat(breaker.allow()).isTrue(); // half-open: probe 1
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.allow()).isTrue(); // probe 2
        assertThat(breaker.allow()).isFalse(); // no more probes
        breaker.onResult(true);
        breaker.onResult(true);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.stats()).isEqualTo(new CircuitBreakerStats("closed", 1, 1, 1, 3));
        assertThat(breaker.stats().transitions()).isEqualTo(3);
    }

    @Test
    void shouldReopenWhenAProbeFails() {
        for (int i = 0; i < 4; i++) {
            attempt(false);
        }
        clock.advanceMillis(100);
        assertThat(breaker.allow()).isTrue();
        breaker.onResult(false);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.stats().opened()).isEqualTo(2);
    }

    @Test
    void shouldForgetFailuresOfAnOldWindow() {
        attempt(false);
        attempt(false);
        attempt(true);
        clock.advanceMillis(1000);
        attempt(false); // new window: 1 of 1, below the minimum
        attempt(true);
        attempt(true);
        attempt(true); // 1 of 4 failed < 50%
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
