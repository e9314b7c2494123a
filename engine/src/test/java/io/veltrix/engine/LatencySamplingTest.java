package io.veltrix.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySamplingTest {

    @Test
    void shouldCountEveryEventButTimeOneInEight() {
        int n = 80_000;
        EngineConfig.Builder config = EngineConfig.builder()
                .topology(Topology.SINGLE)
                .tiers("high", "low")
                .workers(1)
                .latencySampling(8)
                .defaultSizing(QueueSizing.fixed(n));
        List<String> names = List.of("h0", "h1", "l0", "l1");
        for (String name : names) {
            config.eventType(name, name.startsWith("h") ? "high" : "low", e -> Outcome.SUCCESS);
        }
        Engine engine = Engine.start(config.build());
        List<EventType> types = engine.eventTypes();
        for (int i = 0; i < n; i++) {
            assertThat(engine.submit(types.get(i & 3), null)).isEqualTo(SubmitResult.ACCEPTED);
        }
        ShutdownReport report = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(30));

        EngineSnapshot last = report.last();
        assertThat(last.total()).isEqualTo(new Counts(n, n, 0, 0, 0, 0));
        assertThat(last.invariantViolations()).isEmpty();
        // One producer into one ring: event i sits at position i, so the timed ones are known exactly.
        EventRing rule = new EventRing(1, 8);
        long timedTotal = 0;
        for (int t = 0; t < 4; t++) {
            long expected = 0;
            for (long p = t; p < n; p += 4) {
                expected += rule.timed(p) ? 1 : 0;
            }
            TypeSnapshot type = last.type(names.get(t));
            Latencies total = type.total();
            assertThat(type.counts().completed()).isEqualTo(n / 4);
            assertThat(total.endToEnd().getTotalCount()).as(names.get(t)).isEqualTo(expected);
            assertThat(total.fromSubmit().getTotalCount()).isEqualTo(expected);
            assertThat(total.queueDelay().getTotalCount()).isEqualTo(expected);
            assertThat(total.service().getTotalCount()).isEqualTo(expected);
            // Attempts are counted for every completed event, timed or not.
            assertThat(total.attempts().getTotalCount()).isEqualTo(n / 4);
            // Round robin over four types does not bias the sample: each gets about 1/8 of its 20,000.
            assertThat(expected).isBetween(2300L, 2700L);
            timedTotal += expected;
        }
        assertThat(timedTotal).isBetween(9600L, 10400L);
    }

    @Test
    void shouldCountAnUntimedEventsRetryDeadlineFromItsFirstFailure() {
        int n = 2_000;
        EngineConfig config = EngineConfig.builder()
                .workers(1)
                .latencySampling(65536)
                .eventType(EventTypeConfig.of("a", "normal", e -> e.attempt() == 1 ? Outcome.TRANSIENT_FAILURE : null)
                        .withSizing(QueueSizing.fixed(n))
                        .withRetry(RetryPolicy.fixed(Duration.ofMillis(1), 3).withDeadline(Duration.ofSeconds(30))))
                .build();
        Engine engine = Engine.start(config);
        EventType a = engine.eventType("a");
        for (int i = 0; i < n; i++) {
            assertThat(engine.submit(a, null)).isEqualTo(SubmitResult.ACCEPTED);
        }
        ShutdownReport report = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(30));

        // An untimed event submitted without a time carries 0 as its intended time; were the deadline counted
        // from there, every retry would be past it.
        TypeSnapshot type = report.last().type("a");
        assertThat(type.counts()).isEqualTo(new Counts(n, n, 0, 0, 0, 0));
        assertThat(type.deadLetteredBy().get(DeadLetterReason.DEADLINE)).isZero();
        assertThat(type.failedAttempts()).isEqualTo(n);
        assertThat(type.total().attempts().getTotalCount()).isEqualTo(n);
        assertThat(type.total().attempts().getMaxValue()).isEqualTo(2);
    }

    @Test
    void shouldTimeEveryEventOfAChunkedQueueWhateverTheSampling() {
        int n = 1_000;
        EngineConfig config = EngineConfig.builder()
                .workers(1)
                .latencySampling(64)
                .eventType(EventTypeConfig.of("a", "normal", e -> Outcome.SUCCESS)
                        .withSizing(QueueSizing.dynamic(16, n, n, Duration.ofMillis(5))))
                .build();
        Engine engine = Engine.start(config);
        for (int i = 0; i < n; i++) {
            assertThat(engine.submit(engine.eventType("a"), null)).isEqualTo(SubmitResult.ACCEPTED);
        }
        ShutdownReport report = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(30));
        assertThat(report.last().type("a").total().endToEnd().getTotalCount()).isEqualTo(n);
    }

    @Test
    void shouldAcceptOnlyPowersOfTwoUpTo65536() {
        assertThatThrownBy(() -> EngineConfig.builder().latencySampling(3))
                .hasMessage("latencySampling must be a power of two (1, 2, 4, ... 65536), was 3");
        assertThatThrownBy(() -> EngineConfig.builder().latencySampling(0))
                .hasMessage("latencySampling must be between 1 and 65536 (inclusive), was 0");
        assertThatThrownBy(() -> EngineConfig.builder().latencySampling(131072))
                .hasMessage("latencySampling must be between 1 and 65536 (inclusive), was 131072");
        assertThat(EngineConfig.builder()
                        .latencySampling(65536)
                        .eventType("a", "low", e -> Outcome.SUCCESS)
                        .build()
                        .latencySampling())
                .isEqualTo(65536);
    }
}
