package io.veltrix.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The timing wheel driven by hand, tick by tick, on a fake clock. */
class RetryTimerTest {
    private static final long MS = 1_000_000L;

    private final FakeClock clock = new FakeClock();
    private final EngineConfig config = EngineConfig.builder()
            .eventType("a", "normal", e -> Outcome.SUCCESS)
            .build();
    private final EngineRuntime runtime =
            new EngineRuntime(config, clock, 1, Topologies.layout(config, clock), new DeadLetters(0, null, clock));
    private final RetryTimer timer = runtime.retryTimer;

    private EventSlot retryDueAt(long dueNanos) {
        EventSlot slot = runtime.pool.acquire();
        slot.type = runtime.types[0].type;
        slot.attempt = 2;
        slot.retryDueNanos = dueNanos;
        runtime.types[0].waitingRetry.incrementAndGet();
        timer.schedule(slot);
        return slot;
    }

    private long queued() {
        return runtime.types[0].queue.depth();
    }

    @Test
    void shouldFireARetryOnTheTickItIsDue() {
        long t0 = clock.nanoTime();
        timer.tick(t0);
        retryDueAt(t0 + 5 * MS);
        assertThat(timer.tick(t0 + 4 * MS)).isZero();
        assertThat(queued()).isZero();
        assertThat(timer.tick(t0 + 5 * MS)).isEqualTo(1);
        assertThat(queued()).isEqualTo(1);
        assertThat(runtime.types[0].waitingRetry.get()).isZero();
    }

    @Test
    void shouldFireAtOnceARetryThatArrivesAfterItsTickWentBy() {
        long t0 = clock.nanoTime();
        timer.tick(t0 + 10 * MS);
        // Due at 3 ms, handed over only now that the timer is at 10 ms: it must not wait a turn of the wheel.
        retryDueAt(t0 + 3 * MS);
        assertThat(timer.tick(t0 + 10 * MS)).isEqualTo(1);
        assertThat(queued()).isEqualTo(1);
        assertThat(timer.delayErrorHistogram().getMaxValue()).isBetween(7 * MS - 10_000, 7 * MS + 10_000);
    }

    @Test
    void shouldKeepARetryDueAfterAFullTurnOfTheWheelUntilItIsDue() {
        long t0 = clock.nanoTime();
        timer.tick(t0);
        retryDueAt(t0 + 1500 * MS); // beyond one turn of 1024 one-millisecond ticks
        for (long t = 1; t < 1500; t++) {
            assertThat(timer.tick(t0 + t * MS)).as("tick at %d ms", t).isZero();
        }
        assertThat(timer.tick(t0 + 1500 * MS)).isEqualTo(1);
    }
}
