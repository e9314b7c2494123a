package io.veltrix.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Submitting and handling allocate nothing once warm: measured with the JVM's per-thread allocation counters on
 * the submitting thread and on every worker thread. JMH's {@code -prof gc} gives the same figure per operation
 * (docs/benchmarks.md); this test keeps it from regressing.
 */
class AllocationTest {
    private static final int WARM_UP = 300_000;
    private static final int MEASURED = 300_000;

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldNotAllocateOnSubmitOrHandleOnceWarm(Topology topology) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        EngineConfig config = EngineConfig.builder()
                .topology(topology)
                .workers(2)
                .threadNamePrefix("alloc-" + topology)
                .defaultSizing(QueueSizing.fixed(1 << 16))
                .defaultOverflow(OverflowPolicy.BLOCK)
                .eventType("a", "critical", e -> Outcome.SUCCESS)
                .eventType("b", "normal", e -> Outcome.SUCCESS)
                .build();
        Engine engine = Engine.start(config);
        EventType a = engine.eventType("a");
        EventType b = engine.eventType("b");
        Object payload = "payload";
        run(engine, a, b, payload, WARM_UP);
        awaitIdle(engine);
        List<Long> workerIds = workerThreadIds("alloc-" + topology + "-worker-");
        assertThat(workerIds).hasSize(2);
        long self = Thread.currentThread().getId();
        long submitterBefore = threads.getThreadAllocatedBytes(self);
        long workersBefore = sum(threads, workerIds);
        run(engine, a, b, payload, MEASURED);
        long submitterBytes = threads.getThreadAllocatedBytes(self) - submitterBefore;
        awaitIdle(engine);
        long workerBytes = sum(threads, workerIds) - workersBefore;
        engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(10));

        assertThat((double) submitterBytes / MEASURED)
                .as("bytes per submit (%d bytes in all)", submitterBytes)
                .isLessThan(0.05);
        assertThat((double) workerBytes / MEASURED)
                .as("bytes per handled event (%d bytes in all)", workerBytes)
                .isLessThan(0.05);
    }

    private static void run(Engine engine, EventType a, EventType b, Object payload, int n) {
        for (int i = 0; i < n; i++) {
            engine.submit((i & 1) == 0 ? a : b, payload, i, System.nanoTime());
        }
    }

    private static void awaitIdle(Engine engine) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (engine.snapshot().total().inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static long sum(com.sun.management.ThreadMXBean threads, List<Long> ids) {
        long total = 0;
        for (long id : ids) {
            total += threads.getThreadAllocatedBytes(id);
        }
        return total;
    }

    private static List<Long> workerThreadIds(String prefix) {
        List<Long> ids = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                ids.add(t.getId());
            }
        }
        return ids;
    }
}
