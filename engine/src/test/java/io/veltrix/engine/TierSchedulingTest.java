package io.veltrix.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TierSchedulingTest {

    /** Runs one worker through 'count' events of each of hi and lo queued behind a held event; returns the order. */
    private static String order(TierScheduling scheduling, int count) throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        AtomicInteger entered = new AtomicInteger();
        StringBuffer order = new StringBuffer();
        EventHandler<Object> handler = e -> {
            if (e.tag() < 0) {
                entered.incrementAndGet();
                hold.await();
            } else {
                order.append(e.type().name().equals("hi") ? 'H' : 'L');
            }
            return Outcome.SUCCESS;
        };
        EngineConfig config = EngineConfig.builder()
                .tiers("critical", "low")
                .scheduling(scheduling)
                .workers(1)
                .batchSize(1)
                .defaultSizing(QueueSizing.fixed(1000))
                .eventType("hi", "critical", handler)
                .eventType("lo", "low", handler)
                .build();
        Engine engine = Engine.start(config);
        EventType hi = engine.eventType("hi");
        EventType lo = engine.eventType("lo");
        engine.submit(hi, null, -1, System.nanoTime());
        while (entered.get() == 0) {
            Thread.sleep(1);
        }
        for (int i = 0; i < count; i++) {
            engine.submit(lo, null, i, System.nanoTime());
        }
        for (int i = 0; i < count; i++) {
            engine.submit(hi, null, i, System.nanoTime());
        }
        hold.countDown();
        engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(10));
        return order.toString();
    }

    @Test
    void shouldServeHigherTierFirstUnderStrictScheduling() throws Exception {
        assertThat(order(TierScheduling.strict(), 10)).isEqualTo("HHHHHHHHHHLLLLLLLLLL");
    }

    @Test
    void shouldShareByWeightAndNeverStarveUnderWeightedScheduling() throws Exception {
        String order = order(TierScheduling.weighted(3, 1), 12);
        // The held event used one of the critical tier's three turns; from then on: three H for every L.
        assertThat(order).startsWith("HHLHHHLHHHLHHHL");
        assertThat(order.chars().filter(c -> c == 'H').count()).isEqualTo(12);
        assertThat(order.chars().filter(c -> c == 'L').count()).isEqualTo(12);
    }
}
