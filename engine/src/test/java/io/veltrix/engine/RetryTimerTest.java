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

    /**
     * The timer thread of a running engine parks without a timeout while it holds nothing (no wake-up every tick),
     * and a retry handed over while it sleeps wakes it: every event completes, again and again after idle spells.
     */
    @Test
    void shouldSleepWhileIdleAndWakeForARetry() throws Exception {
        java.util.concurrent.atomic.AtomicLong completed = new java.util.concurrent.atomic.AtomicLong();
        Engine engine = Engine.start(EngineConfig.builder()
                .tiers("normal")
                .workers(1)
                .threadNamePrefix("idle-timer-test")
                .defaultRetry(RetryPolicy.fixed(java.time.Duration.ofMillis(1), 3))
                .eventType("a", "normal", e -> {
                    if (e.attempt() == 1) {
                        return Outcome.TRANSIENT_FAILURE;
                    }
                    completed.incrementAndGet();
                    return Outcome.SUCCESS;
                })
                .build());
        Thread timerThread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("idle-timer-test-retry-timer"))
                .findFirst()
                .orElseThrow();
        EventType a = engine.eventType("a");
        for (int round = 1; round <= 5; round++) {
            awaitState(timerThread, Thread.State.WAITING);
            for (int i = 0; i < 20; i++) {
                assertThat(engine.submit(a, null)).isEqualTo(SubmitResult.ACCEPTED);
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (completed.get() < 20L * round && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(completed.get()).as("completed after round %d", round).isEqualTo(20L * round);
        }
        ShutdownReport report = engine.shutdown(ShutdownMode.DRAIN, java.time.Duration.ofSeconds(5));
        assertThat(report.last().total()).isEqualTo(new Counts(100, 100, 0, 0, 0, 0));
        assertThat(timerThread.isAlive()).as("the parked timer thread stopped").isFalse();
    }

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (thread.getState() != state && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(thread.getState()).isEqualTo(state);
    }
}
