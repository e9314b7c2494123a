package io.veltrix.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link EngineConfig.Builder#singleProducer}: no atomic on the submit path, retries through a lane of their own. */
class SingleProducerTest {

    @Test
    void shouldLetOnlyTheFirstSubmittingThreadSubmit() throws Exception {
        EventHandler<Object> ok = e -> Outcome.SUCCESS;
        Engine engine = Engine.start(EngineConfig.builder()
                .tiers("normal")
                .workers(1)
                .singleProducer(true)
                .eventType("a", "normal", ok)
                .build());
        EventType a = engine.eventType("a");
        assertThat(engine.submit(a, "first")).isEqualTo(SubmitResult.ACCEPTED);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread other = new Thread(
                () -> {
                    try {
                        engine.submit(a, "second");
                    } catch (Throwable t) {
                        thrown.set(t);
                    }
                },
                "intruder");
        other.start();
        other.join();
        assertThat(thrown.get())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this engine has a single producer (EngineConfig.singleProducer): only thread '"
                        + Thread.currentThread().getName() + "' may submit, not 'intruder'; nothing was submitted");
        ShutdownReport report = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(5));
        assertThat(report.last().total()).isEqualTo(new Counts(1, 1, 0, 0, 0, 0));
        assertThat(EngineConfig.builder()
                        .singleProducer(true)
                        .eventType("a", "normal", ok)
                        .build()
                        .toString())
                .contains("singleProducer");
    }

    @Test
    void shouldRetryThroughTheLaneBesideTheRing() {
        int n = 1000;
        AtomicIntegerArray attempts = new AtomicIntegerArray(n);
        EventHandler<Object> failFirst = e -> {
            attempts.incrementAndGet((int) e.tag());
            return e.attempt() == 1 ? Outcome.TRANSIENT_FAILURE : Outcome.SUCCESS;
        };
        Engine engine = Engine.start(EngineConfig.builder()
                .tiers("normal")
                .workers(2)
                .singleProducer(true)
                .defaultSizing(QueueSizing.fixed(4096))
                .defaultRetry(RetryPolicy.fixed(Duration.ZERO, 3))
                .eventType("a", "normal", failFirst)
                .build());
        EventType a = engine.eventType("a");
        for (int i = 0; i < n; i++) {
            assertThat(engine.submit(a, null, i, System.nanoTime())).isEqualTo(SubmitResult.ACCEPTED);
        }
        ShutdownReport report = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(10));
        assertThat(report.drained()).isTrue();
        EngineSnapshot last = report.last();
        assertThat(last.total()).isEqualTo(new Counts(n, n, 0, 0, 0, 0));
        TypeSnapshot type = last.type("a");
        assertThat(type.failedAttempts()).isEqualTo(n);
        assertThat(type.retries()).isEqualTo(n);
        assertThat(last.invariantViolations()).isEmpty();
        for (int i = 0; i < n; i++) {
            assertThat(attempts.get(i)).as("attempts of event %d", i).isEqualTo(2);
        }
        assertThat(type.total().attempts().getCountAtValue(2)).isEqualTo(n);
    }

    @Test
    void shouldRejectARetryWhenTheLaneIsFull() throws Exception {
        // Capacity 2: the ring holds two first attempts, the lane two retries. Every event but the gate fails.
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch refilled = new CountDownLatch(1);
        AtomicBoolean inSecond = new AtomicBoolean();
        EventHandler<Object> handler = e -> {
            if (e.tag() == -1) {
                gate.await();
                return Outcome.SUCCESS;
            }
            if (e.tag() == 2 && e.attempt() == 1) {
                inSecond.set(true);
                refilled.await();
            }
            return Outcome.TRANSIENT_FAILURE;
        };
        Engine engine = Engine.start(EngineConfig.builder()
                .tiers("normal")
                .workers(1)
                .batchSize(4)
                .singleProducer(true)
                .defaultSizing(QueueSizing.fixed(2))
                .defaultRetry(RetryPolicy.fixed(Duration.ZERO, 3))
                .eventType("a", "normal", handler)
                .build());
        EventType a = engine.eventType("a");
        assertThat(engine.submit(a, null, -1, 0)).isEqualTo(SubmitResult.ACCEPTED);
        while (engine.snapshot().inService() == 0) {
            Thread.onSpinWait();
        }
        assertThat(engine.submit(a, null, 1, 0)).isEqualTo(SubmitResult.ACCEPTED);
        assertThat(engine.submit(a, null, 2, 0)).isEqualTo(SubmitResult.ACCEPTED);
        assertThat(engine.submit(a, null, 5, 0)).as("the ring is full").isEqualTo(SubmitResult.REJECTED_FULL);
        gate.countDown();
        // The worker took 1 and 2 (1 failed into the lane) and holds 2: the ring is empty again.
        while (!inSecond.get()) {
            Thread.onSpinWait();
        }
        assertThat(engine.submit(a, null, 3, 0)).isEqualTo(SubmitResult.ACCEPTED);
        assertThat(engine.submit(a, null, 4, 0)).isEqualTo(SubmitResult.ACCEPTED);
        refilled.countDown();
        // Next batch: the lane's 1 and 2 (attempt 2, back into the lane), then the ring's 3 and 4, whose retries
        // find the lane full. Then 1 and 2 fail their third and last attempt.
        ShutdownReport report = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(10));
        EngineSnapshot last = report.last();
        assertThat(last.invariantViolations()).isEmpty();
        assertThat(last.total()).isEqualTo(new Counts(6, 1, 2, 3, 0, 0));
        TypeSnapshot type = last.type("a");
        assertThat(type.rejectedBy().get(RejectReason.FULL)).isEqualTo(1);
        assertThat(type.rejectedBy().get(RejectReason.RETRY_FULL)).isEqualTo(2);
        assertThat(type.failedAttempts()).isEqualTo(3 + 3 + 1 + 1);
    }

    /**
     * One producer, two workers, small rings under each overflow policy, a dynamic queue beside them, handlers that
     * fail some events (retried at once or through the timer): the accounting holds at every snapshot, and no event
     * is completed twice.
     */
    @ParameterizedTest
    @EnumSource(
            value = OverflowPolicy.class,
            names = {"REJECT", "DROP_OLDEST", "BLOCK"})
    void shouldAccountForEveryEventWithRetriesUnderLoad(OverflowPolicy overflow) throws Exception {
        int n = 200_000;
        AtomicIntegerArray completed = new AtomicIntegerArray(n);
        AtomicIntegerArray evicted = new AtomicIntegerArray(n);
        EventHandler<Object> handler = e -> {
            int tag = (int) e.tag();
            if (tag % 5 == 0 && e.attempt() == 1) {
                return Outcome.TRANSIENT_FAILURE;
            }
            completed.incrementAndGet(tag);
            return Outcome.SUCCESS;
        };
        Engine engine = Engine.start(EngineConfig.builder()
                .tiers("high", "low")
                .workers(2)
                .batchSize(16)
                .singleProducer(true)
                .latencySampling(4)
                .blockTimeout(Duration.ofMillis(1))
                .defaultOverflow(overflow)
                .defaultSizing(QueueSizing.fixed(64))
                .defaultRetry(RetryPolicy.fixed(Duration.ZERO, 3))
                .listener(new EngineListener() {
                    @Override
                    public void onEvicted(Event<?> event) {
                        evicted.incrementAndGet((int) event.tag());
                    }
                })
                .eventType("now", "high", handler)
                .eventType(EventTypeConfig.of("later", "low", handler)
                        .withRetry(RetryPolicy.exponential(
                                Duration.ofNanos(1000), 2.0, Duration.ofMillis(1), Jitter.NONE, 3)))
                .eventType(EventTypeConfig.of("grow", "low", handler)
                        .withSizing(QueueSizing.dynamic(16, 32, 256, Duration.ofMillis(1))))
                .controlInterval(Duration.ofMillis(2))
                .build());
        List<EventType> types = engine.eventTypes();
        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong checks = new AtomicLong();
        Thread checker = new Thread(() -> {
            while (!stop.get()) {
                violations.addAll(engine.checkInvariant());
                checks.incrementAndGet();
            }
        });
        checker.start();
        long rejectedSeen = 0;
        for (int tag = 0; tag < n; tag++) {
            if (engine.submit(types.get(tag % 3), null, tag, System.nanoTime()) != SubmitResult.ACCEPTED) {
                rejectedSeen++;
            }
        }
        stop.set(true);
        checker.join();
        ShutdownReport report = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(30));

        assertThat(checks.get()).isPositive();
        assertThat(violations).isEmpty();
        assertThat(report.drained()).isTrue();
        long handled = 0;
        long evictions = 0;
        for (int tag = 0; tag < n; tag++) {
            assertThat(completed.get(tag) + evicted.get(tag))
                    .as("completions and evictions of event %d", tag)
                    .isLessThanOrEqualTo(1);
            handled += completed.get(tag);
            evictions += evicted.get(tag);
        }
        EngineSnapshot last = report.last();
        Counts total = last.total();
        assertThat(total.submitted()).isEqualTo(n);
        assertThat(total.completed()).isEqualTo(handled);
        assertThat(total.evicted()).isEqualTo(evictions);
        assertThat(total.inFlight()).isZero();
        // Rejected: first attempts the producer saw refused, plus retries the full lanes refused.
        long retriesRefused = last.types().stream()
                .mapToLong(t -> t.rejectedBy().get(RejectReason.RETRY_FULL))
                .sum();
        assertThat(total.rejected()).isEqualTo(rejectedSeen + retriesRefused);
        assertThat(total.completed() + total.rejected() + total.evicted() + total.deadLettered())
                .isEqualTo(n);
        assertThat(last.invariantViolations()).isEmpty();
        assertThat(last.types().stream().mapToLong(TypeSnapshot::retries).sum()).isPositive();
    }
}
