package io.veltrix.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several producers against small queues, with a checker taking snapshots throughout. Every event's fate is
 * tracked independently of the engine's counters (handled, evicted, rejected as the producer saw it), and the
 * two accounts must agree: no event handled twice, none lost, and the invariant holds at every snapshot.
 */
class EngineStressTest {
    private static final int PRODUCERS = 4;
    private static final int PER_PRODUCER = 50_000;
    private static final int N = PRODUCERS * PER_PRODUCER;

    private final AtomicIntegerArray handled = new AtomicIntegerArray(N);
    private final AtomicIntegerArray evicted = new AtomicIntegerArray(N);
    private final AtomicIntegerArray rejectedSeen = new AtomicIntegerArray(N);
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicLong submittedSoFar = new AtomicLong();

    private Engine start(OverflowPolicy overflow) {
        EventHandler<Object> handler = e -> {
            handled.incrementAndGet((int) e.tag());
            if ((e.tag() & 7) == 0) {
                Thread.onSpinWait();
            }
            return Outcome.SUCCESS;
        };
        EngineConfig config = EngineConfig.builder()
                .tiers("critical", "normal", "low")
                .workers(2)
                .batchSize(16)
                .blockTimeout(Duration.ofMillis(1))
                .defaultOverflow(overflow)
                .defaultSizing(QueueSizing.fixed(64))
                .listener(new EngineListener() {
                    @Override
                    public void onEvicted(Event<?> event) {
                        evicted.incrementAndGet((int) event.tag());
                    }
                })
                .eventType("pay", "critical", handler)
                .eventType("mail", "normal", handler)
                .eventType(EventTypeConfig.of("log", "low", handler)
                        .withSizing(QueueSizing.dynamic(16, 32, 256, Duration.ofMillis(1))))
                .controlInterval(Duration.ofMillis(2))
                .build();
        return Engine.start(config);
    }

    /**
     * Both storages at once: a shedding top tier (chunked) that borrows from rings below it, a reject ring, a
     * drop-oldest ring, and latency sampling.
     */
    private Engine startMixed() {
        EventHandler<Object> handler = e -> {
            handled.incrementAndGet((int) e.tag());
            return Outcome.SUCCESS;
        };
        EngineConfig config = EngineConfig.builder()
                .tiers("critical", "normal", "low")
                .workers(2)
                .batchSize(16)
                .latencySampling(4)
                .defaultSizing(QueueSizing.fixed(64))
                .listener(new EngineListener() {
                    @Override
                    public void onEvicted(Event<?> event) {
                        evicted.incrementAndGet((int) event.tag());
                    }
                })
                .eventType(
                        EventTypeConfig.of("pay", "critical", handler).withOverflow(OverflowPolicy.SHED_LOWER_PRIORITY))
                .eventType(EventTypeConfig.of("mail", "normal", handler).withOverflow(OverflowPolicy.REJECT))
                .eventType(EventTypeConfig.of("log", "low", handler).withOverflow(OverflowPolicy.DROP_OLDEST))
                .build();
        return Engine.start(config);
    }

    @org.junit.jupiter.api.Test
    void shouldAccountForEveryEventAcrossRingsAndChunkedQueues() throws Exception {
        Engine engine = startMixed();
        ShutdownReport report = produceAllWhileCheckingThenDrain(engine);

        assertThat(violations).isEmpty();
        assertThat(report.drained()).isTrue();
        Fates fates = fates(true);
        EngineSnapshot last = report.last();
        assertThat(last.total()).isEqualTo(new Counts(N, fates.handled, 0, fates.rejected, fates.evicted, 0));
        assertThat(last.invariantViolations()).isEmpty();
        // log drops its oldest when full; it rejects only while it has lent all its capacity to pay (nothing to
        // drop), and says so as FULL.
        assertThat(last.type("log").counts().evicted()).isPositive();
        assertThat(last.type("log").rejectedBy().get(RejectReason.FULL))
                .isEqualTo(last.type("log").counts().rejected());
        assertThat(last.queues()).allSatisfy(q -> assertThat(q.depth()).isZero());
        assertThat(last.queue("mail").limit()).isLessThanOrEqualTo(64);
    }

    /** How the events ended, as seen from outside the engine. */
    private record Fates(long handled, long evicted, long rejected) {}

    /**
     * Tallies every event's fate as the handler, the eviction listener and the producers saw it, asserting that no
     * event ended twice and, when {@code all} (the run was drained), that every event ended.
     */
    private Fates fates(boolean all) {
        long h = 0;
        long e = 0;
        long r = 0;
        for (int tag = 0; tag < N; tag++) {
            int fates = handled.get(tag) + evicted.get(tag) + rejectedSeen.get(tag);
            if (all) {
                assertThat(fates).as("fates of event %d", tag).isEqualTo(1);
            } else {
                assertThat(fates).as("fates of event %d", tag).isLessThanOrEqualTo(1);
            }
            h += handled.get(tag);
            e += evicted.get(tag);
            r += rejectedSeen.get(tag);
        }
        return new Fates(h, e, r);
    }

    /**
     * Runs every producer to the end while a checker takes snapshots (collecting {@link #violations}), then drains
     * the engine.
     */
    private ShutdownReport produceAllWhileCheckingThenDrain(Engine engine) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong checks = new AtomicLong();
        Thread checker = checker(engine, stop, checks);
        checker.start();
        List<Thread> producers = producers(engine);
        producers.forEach(Thread::start);
        for (Thread t : producers) {
            t.join();
        }
        stop.set(true);
        checker.join();
        assertThat(checks.get()).as("snapshots checked while producing").isPositive();
        return engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(30));
    }

    private List<Thread> producers(Engine engine) {
        List<EventType> types = engine.eventTypes();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int base = p * PER_PRODUCER;
            threads.add(new Thread(() -> {
                for (int i = 0; i < PER_PRODUCER; i++) {
                    int tag = base + i;
                    SubmitResult r = engine.submit(types.get(tag % types.size()), null, tag, System.nanoTime());
                    submittedSoFar.incrementAndGet();
                    if (r != SubmitResult.ACCEPTED) {
                        rejectedSeen.incrementAndGet(tag);
                    }
                }
            }));
        }
        return threads;
    }

    private Thread checker(Engine engine, AtomicBoolean stop, AtomicLong checks) {
        return new Thread(() -> {
            while (!stop.get()) {
                List<String> v = engine.checkInvariant();
                if (!v.isEmpty()) {
                    violations.addAll(v);
                }
                checks.incrementAndGet();
            }
        });
    }

    /**
     * More submitting threads than get counters of their own ({@link SubmitCounts#MAX_OWN}), short-lived and in
     * waves, so that later threads count into the shared adders while earlier ones have ended: the submitted count
     * must still be exact and consistent at every snapshot.
     */
    @org.junit.jupiter.api.Test
    void shouldCountEverySubmitFromManyShortLivedThreads() throws Exception {
        Engine engine = start(OverflowPolicy.REJECT);
        int threads = 100;
        int perThread = N / threads;
        int wave = 20;
        List<EventType> types = engine.eventTypes();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong checks = new AtomicLong();
        Thread checker = checker(engine, stop, checks);
        checker.start();
        for (int first = 0; first < threads; first += wave) {
            List<Thread> running = new ArrayList<>();
            for (int p = first; p < first + wave; p++) {
                int base = p * perThread;
                Thread t = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        int tag = base + i;
                        if (engine.submit(types.get(tag % types.size()), null, tag, System.nanoTime())
                                != SubmitResult.ACCEPTED) {
                            rejectedSeen.incrementAndGet(tag);
                        }
                    }
                });
                running.add(t);
                t.start();
            }
            for (Thread t : running) {
                t.join();
            }
        }
        stop.set(true);
        checker.join();
        ShutdownReport report = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(30));

        assertThat(checks.get()).as("snapshots checked while producing").isPositive();
        assertThat(violations).isEmpty();
        assertThat(report.drained()).isTrue();
        Fates fates = fates(true);
        assertThat(report.last().total()).isEqualTo(new Counts(N, fates.handled, 0, fates.rejected, 0, 0));
        long perType = 0;
        for (EventType type : types) {
            perType += report.last().type(type.name()).counts().submitted();
        }
        assertThat(perType).isEqualTo(N);
    }

    @ParameterizedTest
    @EnumSource(OverflowPolicy.class)
    void shouldAccountForEveryEventUnderContention(OverflowPolicy overflow) throws Exception {
        Engine engine = start(overflow);
        ShutdownReport report = produceAllWhileCheckingThenDrain(engine);

        assertThat(violations).isEmpty();
        assertThat(report.drained()).isTrue();
        Fates fates = fates(true);
        Counts total = report.last().total();
        assertThat(total).isEqualTo(new Counts(N, fates.handled, 0, fates.rejected, fates.evicted, 0));
        assertThat(report.last().invariantViolations()).isEmpty();
        if (overflow == OverflowPolicy.REJECT || overflow == OverflowPolicy.BLOCK) {
            assertThat(fates.evicted).isZero();
        }
        if (overflow == OverflowPolicy.DROP_OLDEST) {
            assertThat(fates.rejected).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = OverflowPolicy.class,
            names = {"REJECT", "DROP_OLDEST", "SHED_LOWER_PRIORITY"})
    void shouldAccountForEveryEventWhenStoppedWhileLoaded(OverflowPolicy overflow) throws Exception {
        Engine engine = start(overflow);
        List<Thread> producers = producers(engine);
        producers.forEach(Thread::start);
        // Stop while the producers are at most a tenth of the way through.
        while (submittedSoFar.get() < N / 20) {
            Thread.onSpinWait();
        }
        ShutdownReport report = engine.shutdown(ShutdownMode.STOP_NOW, Duration.ofSeconds(10));
        for (Thread t : producers) {
            t.join();
        }
        // Taken after the producers finished: nothing moves any more, so the check must be exact.
        EngineSnapshot last = engine.snapshot();
        assertThat(last.terminated()).isTrue();
        assertThat(last.invariantViolations()).isEmpty();
        assertThat(report.stuckWorkers()).isZero();
        Fates fates = fates(false);
        Counts total = last.total();
        assertThat(total.submitted()).isEqualTo(N);
        assertThat(total.completed()).isEqualTo(fates.handled);
        assertThat(total.evicted()).isEqualTo(fates.evicted);
        assertThat(total.rejected()).isEqualTo(fates.rejected);
        assertThat(total.inFlight()).isEqualTo(N - fates.handled - fates.evicted - fates.rejected);
        assertThat(last.type("pay").rejectedBy().get(RejectReason.SHUTDOWN)).isPositive();
    }
}
