package io.veltrix.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DynamicSizingTest {

    @Test
    void shouldGrowUnderPressureAndCountEveryChange() throws Exception {
        Gate gate = new Gate();
        List<String> changes = new CopyOnWriteArrayList<>();
        EngineConfig config = EngineConfig.builder()
                .workers(1)
                .batchSize(1)
                .controlInterval(Duration.ofMillis(10))
                .listener(new EngineListener() {
                    @Override
                    public void onCapacityChange(String queue, int oldCapacity, int newCapacity, String reason) {
                        changes.add(queue + " " + oldCapacity + "->" + newCapacity + " " + reason);
                    }
                })
                .eventType(EventTypeConfig.of("a", "normal", gate)
                        .withSizing(QueueSizing.dynamic(4, 4, 64, Duration.ofSeconds(10))))
                .build();
        Engine engine = Engine.start(config);
        EventType a = engine.eventType("a");
        engine.submit(a, null, 0, System.nanoTime());
        gate.awaitEntered(1);
        // Keep offering while the worker is held: the queue fills, rejects, and the controller doubles it to max.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (engine.snapshot().queue("a").capacity() < 64 && System.nanoTime() < deadline) {
            engine.submit(a, null, 1, System.nanoTime());
            Thread.sleep(1);
        }
        EngineSnapshot s = engine.snapshot();
        assertThat(s.queue("a").capacity()).isEqualTo(64);
        assertThat(changes).startsWith("a 4->8 grow", "a 8->16 grow", "a 16->32 grow", "a 32->64 grow");
        assertThat(s.queue("a").capacityChanges()).isEqualTo(changes.size());
        gate.open();
        engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(10));
    }

    @Test
    void shouldShrinkBackWhenIdle() throws Exception {
        EngineConfig config = EngineConfig.builder()
                .workers(1)
                .controlInterval(Duration.ofMillis(5))
                .eventType(EventTypeConfig.of("a", "normal", e -> Outcome.SUCCESS)
                        .withSizing(QueueSizing.dynamic(8, 256, 256, Duration.ofMillis(5))))
                .build();
        Engine engine = Engine.start(config);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (engine.snapshot().queue("a").capacity() > 8 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        EngineSnapshot s = engine.snapshot();
        assertThat(s.queue("a").capacity()).isEqualTo(8);
        // 256 -> 128 -> 64 -> 32 -> 16 -> 8: five halvings.
        assertThat(s.queue("a").capacityChanges()).isEqualTo(5);
        engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(10));
    }
}
