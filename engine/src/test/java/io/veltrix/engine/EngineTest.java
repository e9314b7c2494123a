package io.veltrix.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EngineTest {

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldHandleEveryAcceptedEventExactlyOnce(Topology topology) {
        int n = 20_000;
        AtomicIntegerArray seen = new AtomicIntegerArray(n);
        EventHandler<Object> handler = e -> {
            seen.incrementAndGet((int) e.tag());
            return Outcome.SUCCESS;
        };
        EngineConfig config = EngineConfig.builder()
                .topology(topology)
                .workers(2)
                .defaultSizing(QueueSizing.fixed(n))
                .eventType("a", "critical", handler)
                .eventType("b", "low", handler)
                .build();
        Engine engine = Engine.start(config);
        EventType a = engine.eventType("a");
        EventType b = engine.eventType("b");
        for (int i = 0; i < n; i++) {
            assertThat(engine.submit(i % 2 == 0 ? a : b, null, i, System.nanoTime()))
                    .isEqualTo(SubmitResult.ACCEPTED);
        }
        ShutdownReport report = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(30));

        assertThat(report.drained()).isTrue();
        for (int i = 0; i < n; i++) {
            assertThat(seen.get(i)).as("times event %d was handled", i).isEqualTo(1);
        }
        EngineSnapshot last = report.last();
        assertThat(last.total()).isEqualTo(new Counts(n, n, 0, 0, 0, 0));
        assertThat(last.type("a").counts().completed()).isEqualTo(n / 2);
        assertThat(last.type("b").counts().completed()).isEqualTo(n / 2);
        assertThat(last.type("a").total().endToEnd().getTotalCount()).isEqualTo(n / 2);
        assertThat(last.type("a").total().service().getTotalCount()).isEqualTo(n / 2);
        assertThat(last.type("a").total().attempts().getMaxValue()).isEqualTo(1);
        assertThat(last.queues()).hasSize(topology == Topology.SINGLE ? 1 : 2);
        assertThat(last.invariantViolations()).isEmpty();
    }

    @Test
    @Timeout(60) // the clock below moves only when the test moves it, so a blocked submit would never time out
    void shouldDeliverTagAndPayloadOfAnEventMeantToHappenNow() {
        // A ring of 4 cells laps 50 times: a cell that held a payload must hand on null when the next event in it
        // has none, and the other way round (the ring skips storing a null over a null).
        int n = 200;
        List<String> seen = new ArrayList<>();
        List<Long> intended = new ArrayList<>();
        EventHandler<String> handler = e -> {
            seen.add(e.tag() + "=" + e.payload());
            intended.add(e.intendedTimeNanos());
            return Outcome.SUCCESS;
        };
        AtomicLong clock = new AtomicLong(1_000);
        EngineConfig config = EngineConfig.builder()
                .workers(1)
                .batchSize(1)
                .defaultSizing(QueueSizing.fixed(4))
                .defaultOverflow(OverflowPolicy.BLOCK)
                .blockTimeout(Duration.ofSeconds(30))
                .eventType("a", "normal", handler)
                .build();
        Engine engine = Engine.start(config, clock::get, 1);
        EventType a = engine.eventType("a");
        List<String> expected = new ArrayList<>();
        List<Long> submittedAt = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            // Two nulls in every five events: with 4 cells a lap, each cell sees a null after a null, a null after a
            // payload, a payload after a null and a payload after a payload.
            String payload = (i % 5) < 2 ? null : "p" + i;
            submittedAt.add(clock.incrementAndGet());
            assertThat(engine.submit(a, payload, i)).isEqualTo(SubmitResult.ACCEPTED);
            expected.add(i + "=" + payload);
        }
        ShutdownReport report = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(30));

        assertThat(report.drained()).isTrue();
        assertThat(seen).containsExactlyElementsOf(expected);
        // Meant to happen when submitted (every event is timed, the default): the intended time is the engine
        // clock when submit was called.
        assertThat(intended).containsExactlyElementsOf(submittedAt);
        EngineSnapshot last = report.last();
        assertThat(last.total()).isEqualTo(new Counts(n, n, 0, 0, 0, 0));
        assertThat(last.type("a").total().endToEnd().getTotalCount()).isEqualTo(n);
        assertThat(last.invariantViolations()).isEmpty();
    }

    @Test
    void shouldRejectWhenFullUnderRejectPolicy() throws Exception {
        Gate gate = new Gate();
        EngineConfig config = EngineConfig.builder()
                .workers(1)
                .batchSize(1)
                .eventType(EventTypeConfig.of("a", "normal", gate).withSizing(QueueSizing.fixed(5)))
                .build();
        Engine engine = Engine.start(config);
        EventType a = engine.eventType("a");
        engine.submit(a, null, 0, System.nanoTime());
        gate.awaitEntered(1);
        List<SubmitResult> results = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            results.add(engine.submit(a, null, i, System.nanoTime()));
        }
        assertThat(results)
                .containsExactly(
                        SubmitResult.ACCEPTED,
                        SubmitResult.ACCEPTED,
                        SubmitResult.ACCEPTED,
                        SubmitResult.ACCEPTED,
                        SubmitResult.ACCEPTED,
                        SubmitResult.REJECTED_FULL,
                        SubmitResult.REJECTED_FULL,
                        SubmitResult.REJECTED_FULL);
        EngineSnapshot running = engine.snapshot();
        assertThat(running.queue("a").depth()).isEqualTo(5);
        assertThat(running.inService()).isEqualTo(1);
        assertThat(running.total()).isEqualTo(new Counts(9, 0, 0, 3, 0, 6));
        assertThat(running.type("a").rejectedBy()).containsEntry(RejectReason.FULL, 3L);
        gate.open();
        ShutdownReport report = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(10));
        assertThat(report.last().total()).isEqualTo(new Counts(9, 6, 0, 3, 0, 0));
        assertThat(gate.handledTags).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void shouldEvictOldestUnderDropOldestPolicy() throws Exception {
        Gate gate = new Gate();
        ConcurrentLinkedQueue<Long> evicted = new ConcurrentLinkedQueue<>();
        EngineConfig config = EngineConfig.builder()
                .workers(1)
                .batchSize(1)
                .listener(new EngineListener() {
                    @Override
                    public void onEvicted(Event<?> event) {
                        evicted.add(event.tag());
                    }
                })
                .eventType(EventTypeConfig.of("a", "normal", gate)
                        .withSizing(QueueSizing.fixed(3))
                        .withOverflow(OverflowPolicy.DROP_OLDEST))
                .build();
        Engine engine = Engine.start(config);
        EventType a = engine.eventType("a");
        engine.submit(a, null, 0, System.nanoTime());
        gate.awaitEntered(1);
        for (int i = 1; i <= 7; i++) {
            assertThat(engine.submit(a, null, i, System.nanoTime())).isEqualTo(SubmitResult.ACCEPTED);
        }
        assertThat(evicted).containsExactly(1L, 2L, 3L, 4L);
        gate.open();
        ShutdownReport report = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(10));
        assertThat(gate.handledTags).containsExactly(0L, 5L, 6L, 7L);
        assertThat(report.last().total()).isEqualTo(new Counts(8, 4, 0, 0, 4, 0));
    }

    @Test
    void shouldTimeOutBlockedSubmitterUnderBlockPolicy() throws Exception {
        Gate gate = new Gate();
        EngineConfig config = EngineConfig.builder()
                .workers(1)
                .batchSize(1)
                .blockTimeout(Duration.ofMillis(500))
                .eventType(EventTypeConfig.of("a", "normal", gate)
                        .withSizing(QueueSizing.fixed(2))
                        .withOverflow(OverflowPolicy.BLOCK))
                .build();
        Engine engine = Engine.start(config);
        EventType a = engine.eventType("a");
        engine.submit(a, null, 0, System.nanoTime());
        gate.awaitEntered(1);
        engine.submit(a, null, 1, System.nanoTime());
        engine.submit(a, null, 2, System.nanoTime());
        long start = System.nanoTime();
        assertThat(engine.submit(a, null, 3, System.nanoTime())).isEqualTo(SubmitResult.REJECTED_TIMEOUT);
        assertThat(System.nanoTime() - start)
                .isGreaterThanOrEqualTo(Duration.ofMillis(500).toNanos());
        assertThat(engine.snapshot().type("a").rejectedBy()).containsEntry(RejectReason.TIMEOUT, 1L);

        // A blocked submitter gets in as soon as a worker makes room.
        Thread opener = new Thread(() -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            gate.open();
        });
        opener.start();
        assertThat(engine.submit(a, null, 4, System.nanoTime())).isEqualTo(SubmitResult.ACCEPTED);
        opener.join();
        ShutdownReport report = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(10));
        assertThat(report.last().total()).isEqualTo(new Counts(5, 4, 0, 1, 0, 0));
        assertThat(gate.handledTags).containsExactly(0L, 1L, 2L, 4L);
    }

    @Test
    void shouldShedLowerTierToAdmitHigherTier() throws Exception {
        Gate gate = new Gate();
        ConcurrentLinkedQueue<String> evicted = new ConcurrentLinkedQueue<>();
        EngineConfig config = EngineConfig.builder()
                .tiers("critical", "normal", "low")
                .workers(1)
                .batchSize(1)
                .defaultOverflow(OverflowPolicy.SHED_LOWER_PRIORITY)
                .listener(new EngineListener() {
                    @Override
                    public void onEvicted(Event<?> event) {
                        evicted.add(event.type().name() + ":" + event.tag());
                    }
                })
                .eventType(EventTypeConfig.of("blocker", "critical", gate).withSizing(QueueSizing.fixed(1)))
                .eventType(EventTypeConfig.of("pay", "critical", gate).withSizing(QueueSizing.fixed(2)))
                .eventType(EventTypeConfig.of("mail", "normal", gate).withSizing(QueueSizing.fixed(2)))
                .eventType(EventTypeConfig.of("log", "low", gate).withSizing(QueueSizing.fixed(2)))
                .build();
        Engine engine = Engine.start(config);
        engine.submit(engine.eventType("blocker"), null, 0, System.nanoTime());
        gate.awaitEntered(1);
        EventType pay = engine.eventType("pay");
        EventType mail = engine.eventType("mail");
        EventType log = engine.eventType("log");
        engine.submit(log, null, 10, System.nanoTime());
        engine.submit(log, null, 11, System.nanoTime());
        engine.submit(mail, null, 20, System.nanoTime());
        engine.submit(mail, null, 21, System.nanoTime());
        engine.submit(pay, null, 30, System.nanoTime());
        engine.submit(pay, null, 31, System.nanoTime());
        // pay is full: the lowest non-empty tier lends its oldest slot, then the next lowest.
        assertThat(engine.submit(pay, null, 32, System.nanoTime())).isEqualTo(SubmitResult.ACCEPTED);
        assertThat(engine.submit(pay, null, 33, System.nanoTime())).isEqualTo(SubmitResult.ACCEPTED);
        assertThat(engine.submit(pay, null, 34, System.nanoTime())).isEqualTo(SubmitResult.ACCEPTED);
        assertThat(evicted).containsExactly("log:10", "log:11", "mail:20");
        // log lent both its slots: it cannot take anything while they are borrowed.
        assertThat(engine.submit(log, null, 12, System.nanoTime())).isEqualTo(SubmitResult.REJECTED_FULL);
        // mail has nothing lower to shed: its own tier's rule applies.
        EngineSnapshot s = engine.snapshot();
        assertThat(s.queue("pay").limit()).isEqualTo(5);
        assertThat(s.queue("log").limit()).isEqualTo(0);
        assertThat(s.queued()).isEqualTo(6);
        gate.open();
        ShutdownReport report = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(10));
        assertThat(report.last().total()).isEqualTo(new Counts(11, 7, 0, 1, 3, 0));
        assertThat(report.last().invariantViolations()).isEmpty();
    }

    @Test
    void shouldShedFromLowerTierRingsToo() throws Exception {
        // Lower tiers under reject are rings (written in place); the shedding tier is chunked. Borrowing works
        // across the two kinds of storage.
        Gate gate = new Gate();
        ConcurrentLinkedQueue<String> evicted = new ConcurrentLinkedQueue<>();
        EngineConfig config = EngineConfig.builder()
                .tiers("critical", "normal", "low")
                .workers(1)
                .batchSize(1)
                .listener(new EngineListener() {
                    @Override
                    public void onEvicted(Event<?> event) {
                        evicted.add(event.type().name() + ":" + event.tag());
                    }
                })
                .eventType(EventTypeConfig.of("blocker", "critical", gate).withSizing(QueueSizing.fixed(1)))
                .eventType(EventTypeConfig.of("pay", "critical", gate)
                        .withSizing(QueueSizing.fixed(2))
                        .withOverflow(OverflowPolicy.SHED_LOWER_PRIORITY))
                .eventType(EventTypeConfig.of("mail", "normal", gate).withSizing(QueueSizing.fixed(2)))
                .eventType(EventTypeConfig.of("log", "low", gate).withSizing(QueueSizing.fixed(2)))
                .build();
        Engine engine = Engine.start(config);
        engine.submit(engine.eventType("blocker"), null, 0, System.nanoTime());
        gate.awaitEntered(1);
        EventType pay = engine.eventType("pay");
        EventType mail = engine.eventType("mail");
        EventType log = engine.eventType("log");
        engine.submit(log, "log payload", 10, System.nanoTime());
        engine.submit(log, null, 11, System.nanoTime());
        engine.submit(mail, null, 20, System.nanoTime());
        engine.submit(mail, null, 21, System.nanoTime());
        engine.submit(pay, null, 30, System.nanoTime());
        engine.submit(pay, null, 31, System.nanoTime());
        assertThat(engine.submit(pay, null, 32, System.nanoTime())).isEqualTo(SubmitResult.ACCEPTED);
        assertThat(engine.submit(pay, null, 33, System.nanoTime())).isEqualTo(SubmitResult.ACCEPTED);
        assertThat(engine.submit(pay, null, 34, System.nanoTime())).isEqualTo(SubmitResult.ACCEPTED);
        assertThat(evicted).containsExactly("log:10", "log:11", "mail:20");
        assertThat(engine.submit(log, null, 12, System.nanoTime())).isEqualTo(SubmitResult.REJECTED_FULL);
        assertThat(engine.submit(mail, null, 22, System.nanoTime())).isEqualTo(SubmitResult.REJECTED_FULL);
        EngineSnapshot s = engine.snapshot();
        assertThat(s.queue("pay").limit()).isEqualTo(5);
        assertThat(s.queue("mail").limit()).isEqualTo(1);
        assertThat(s.queue("log").limit()).isEqualTo(0);
        assertThat(s.queue("log").depth()).isEqualTo(0);
        assertThat(s.queue("mail").depth()).isEqualTo(1);
        assertThat(s.queued()).isEqualTo(6);
        gate.open();
        ShutdownReport report = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(10));
        assertThat(report.last().total()).isEqualTo(new Counts(12, 7, 0, 2, 3, 0));
        assertThat(gate.handledTags).containsExactly(0L, 30L, 31L, 32L, 33L, 34L, 21L);
        assertThat(report.last().invariantViolations()).isEmpty();
    }

    @Test
    void shouldRefuseShedLowerPriorityWithSingleQueue() {
        assertThatThrownBy(() -> EngineConfig.builder()
                        .topology(Topology.SINGLE)
                        .defaultOverflow(OverflowPolicy.SHED_LOWER_PRIORITY)
                        .eventType("a", "normal", e -> Outcome.SUCCESS)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("overflow shed-lower-priority (event type 'a') needs topology TIERED: a single FIFO queue"
                        + " cannot evict by tier");
    }

    @Test
    void shouldNameTheWrongSettingInConfigErrors() {
        assertThatThrownBy(() -> QueueSizing.fixed(0))
                .hasMessage("capacity must be between 1 and 1073741824 (inclusive), was 0");
        assertThatThrownBy(() -> QueueSizing.dynamic(10, 5, 100, Duration.ofMillis(5)))
                .hasMessage("initial must be between 10 and 100 (inclusive), was 5");
        assertThatThrownBy(() -> EngineConfig.builder()
                        .eventType("a", "urgent", e -> Outcome.SUCCESS)
                        .build())
                .hasMessage("event type 'a' names tier 'urgent', which is not one of the tiers [critical, high,"
                        + " normal, low]");
        assertThatThrownBy(() -> EngineConfig.builder()
                        .scheduling(TierScheduling.weighted(4, 1))
                        .eventType("a", "low", e -> Outcome.SUCCESS)
                        .build())
                .hasMessage("weighted scheduling needs one weight per tier: 4 tiers [critical, high, normal, low] but 2"
                        + " weights");
        assertThatThrownBy(() -> EngineConfig.builder().workers(0)).hasMessageContaining("workers must be between 1");
        assertThatThrownBy(() -> EngineConfig.builder().build()).hasMessage("an engine needs at least one event type");
    }

    @Test
    void shouldKeepWorkerAliveWhenHandlerThrowsAndDeadLetterTheEvent() {
        EngineConfig config = EngineConfig.builder()
                .workers(1)
                .eventType("a", "normal", e -> {
                    if (e.tag() % 2 == 0) {
                        throw new IllegalStateException("boom " + e.tag());
                    }
                    return Outcome.SUCCESS;
                })
                .build();
        Engine engine = Engine.start(config);
        EventType a = engine.eventType("a");
        for (int i = 0; i < 100; i++) {
            engine.submit(a, null, i, System.nanoTime());
        }
        ShutdownReport report = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(10));
        EngineSnapshot last = report.last();
        assertThat(last.total()).isEqualTo(new Counts(100, 50, 50, 0, 0, 0));
        assertThat(last.type("a").failedAttempts()).isEqualTo(50);
        assertThat(last.type("a").deadLetteredBy()).containsEntry(DeadLetterReason.MAX_ATTEMPTS, 50L);
        assertThat(engine.deadLetters()).hasSize(50);
        DeadLetter first = engine.deadLetters().get(0);
        assertThat(first.lastFailure()).isEqualTo("java.lang.IllegalStateException: boom 0");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.reason()).isEqualTo(DeadLetterReason.MAX_ATTEMPTS);
    }

    @Test
    void shouldRejectSubmissionsAfterShutdown() {
        Engine engine = Engine.start(EngineConfig.builder()
                .eventType("a", "normal", e -> Outcome.SUCCESS)
                .build());
        ShutdownReport report = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(5));
        assertThat(engine.submit(engine.eventType("a"), "late")).isEqualTo(SubmitResult.REJECTED_SHUTDOWN);
        assertThat(engine.shutdown(ShutdownMode.STOP_NOW, Duration.ZERO)).isSameAs(report);
        EngineSnapshot after = engine.snapshot();
        assertThat(after.type("a").rejectedBy()).containsEntry(RejectReason.SHUTDOWN, 1L);
        assertThat(after.invariantViolations()).isEmpty();
    }

    @Test
    void shouldReportWhatStopNowLeftInFlight() throws Exception {
        Gate gate = new Gate();
        EngineConfig config = EngineConfig.builder()
                .workers(1)
                .batchSize(4)
                .eventType(EventTypeConfig.of("a", "normal", gate).withSizing(QueueSizing.fixed(100)))
                .build();
        Engine engine = Engine.start(config);
        EventType a = engine.eventType("a");
        engine.submit(a, null, 0, System.nanoTime());
        gate.awaitEntered(1);
        for (int i = 1; i <= 50; i++) {
            engine.submit(a, null, i, System.nanoTime());
        }
        Thread opener = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            gate.open();
        });
        opener.start();
        ShutdownReport report = engine.shutdown(ShutdownMode.STOP_NOW, Duration.ofSeconds(5));
        opener.join();
        assertThat(report.drained()).isFalse();
        assertThat(report.leftQueued()).isEqualTo(50);
        assertThat(report.leftInFlight()).isEqualTo(50);
        assertThat(report.last().total()).isEqualTo(new Counts(51, 1, 0, 0, 0, 50));
        assertThat(report.last().invariantViolations()).isEmpty();
    }

    @Test
    void shouldFlagAccountingThatDoesNotAddUp() {
        Counts broken = new Counts(10, 8, 0, 0, 0, 1);
        TypeSnapshot t = new TypeSnapshot(
                "a", "normal", "a", broken, 0, 0, 0, 0, java.util.Map.of(), java.util.Map.of(), null, null, null);
        QueueSnapshot q = new QueueSnapshot("a", "normal", "fixed(1)", OverflowPolicy.REJECT, 0, 1, 1, 0, broken);
        EngineSnapshot s = new EngineSnapshot(0, 0, true, broken, 0, 0, List.of(q), List.of(t), null, null, 0);
        assertThat(s.invariantViolations())
                .contains("type a: submitted != completed + dead-lettered + rejected + evicted + in flight: " + broken)
                .anyMatch(v -> v.startsWith("stopped engine: in flight 1 but 0 measurably left"));
    }
}
