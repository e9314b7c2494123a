package io.veltrix.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrEventsTest {

    @Test
    void shouldRecordLatencyHistogramsThatRebuildTheEnginePercentilesExactly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.jfr");
        EngineConfig config = EngineConfig.builder()
                .workers(2)
                .threadNamePrefix("jfr-test")
                .controlInterval(Duration.ofMillis(5))
                .eventType(EventTypeConfig.of("pay", "critical", e -> {
                            long until = System.nanoTime() + (e.tag() % 50) * 1_000;
                            while (System.nanoTime() < until) {
                                Thread.onSpinWait();
                            }
                            return e.tag() % 10 == 0 ? Outcome.PERMANENT_FAILURE : Outcome.SUCCESS;
                        })
                        .withSizing(QueueSizing.dynamic(8, 8, 4096, Duration.ofMillis(50))))
                .build();
        EngineSnapshot last;
        Engine engine = Engine.start(config);
        try (Recording recording = new Recording()) {
            recording.enable("io.veltrix.QueueSnapshot").withPeriod(Duration.ofMillis(50));
            recording.enable("io.veltrix.LatencyInterval").withPeriod(Duration.ofMillis(50));
            recording.enable("io.veltrix.DeadLetterSummary").withPeriod(Duration.ofMillis(50));
            recording.enable("io.veltrix.CapacityChange");
            recording.start();
            EventType pay = engine.eventType("pay");
            for (int i = 0; i < 20_000; i++) {
                engine.submit(pay, null, i, System.nanoTime());
                if (i % 2000 == 0) {
                    Thread.sleep(60);
                }
            }
            last = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(20)).last();
            recording.stop();
            recording.dump(file);
        }
        Histogram rebuilt = new Histogram(3);
        rebuilt.setAutoResize(true);
        long latencyEvents = 0;
        long queueSnapshots = 0;
        long submittedInSnapshots = 0;
        long deadInSummaries = 0;
        List<String> capacityChanges = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!"jfr-test".equals(e.getString("engine"))) {
                continue;
            }
            switch (e.getEventType().getName()) {
                case "io.veltrix.LatencyInterval" -> {
                    if (e.getString("metric").equals("end-to-end")) {
                        Histogram h = JfrEvents.decode(e.getString("histogram"));
                        assertThat(h.getTotalCount()).isEqualTo(e.getLong("count"));
                        rebuilt.add(h);
                        latencyEvents++;
                    }
                }
                case "io.veltrix.QueueSnapshot" -> {
                    queueSnapshots++;
                    submittedInSnapshots += e.getLong("submitted");
                    assertThat(e.getString("queue")).isEqualTo("pay");
                    assertThat(e.getString("tier")).isEqualTo("critical");
                }
                case "io.veltrix.DeadLetterSummary" -> deadInSummaries += e.getLong("deadLettered");
                case "io.veltrix.CapacityChange" -> capacityChanges.add(e.getString("reason"));
                default -> {}
            }
        }
        Histogram engineHistogram = last.type("pay").total().endToEnd();
        assertThat(latencyEvents).isGreaterThan(1);
        // The small dynamic queue rejects much of each burst: compare with what the engine says completed.
        Counts counts = last.type("pay").counts();
        assertThat(counts.completed()).isGreaterThan(100);
        assertThat(rebuilt.getTotalCount()).isEqualTo(counts.completed());
        assertThat(rebuilt).isEqualTo(engineHistogram);
        assertThat(rebuilt.getValueAtPercentile(99)).isEqualTo(engineHistogram.getValueAtPercentile(99));
        assertThat(queueSnapshots).isGreaterThan(1);
        assertThat(submittedInSnapshots).isEqualTo(20_000);
        assertThat(deadInSummaries).isEqualTo(counts.deadLettered()).isPositive();
        assertThat(capacityChanges.size()).isEqualTo(last.queue("pay").capacityChanges());
    }

    @Test
    void shouldCoverOnlyWhatFollowsARestartOfTheIntervals(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("measured.jfr");
        EngineConfig config = EngineConfig.builder()
                .workers(1)
                .threadNamePrefix("jfr-restart")
                .eventType(EventTypeConfig.of(
                        "pay", "critical", e -> e.tag() % 5 == 0 ? Outcome.PERMANENT_FAILURE : Outcome.SUCCESS))
                .build();
        Engine engine = Engine.start(config);
        EventType pay = engine.eventType("pay");
        // A "warm-up" that no recording sees: the engine still accumulates it for its periodic events.
        for (int i = 0; i < 1000; i++) {
            engine.submit(pay, null, i, System.nanoTime());
        }
        while (engine.snapshot().total().inFlight() > 0) {
            Thread.sleep(5);
        }
        engine.restartJfrIntervals();
        try (Recording recording = new Recording()) {
            recording.enable("io.veltrix.QueueSnapshot").withPeriod(Duration.ofMillis(50));
            recording.enable("io.veltrix.LatencyInterval").withPeriod(Duration.ofMillis(50));
            recording.enable("io.veltrix.DeadLetterSummary").withPeriod(Duration.ofMillis(50));
            recording.start();
            for (int i = 1000; i < 1500; i++) {
                engine.submit(pay, null, i, System.nanoTime());
            }
            engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(10));
            recording.stop();
            recording.dump(file);
        }
        long completed = 0, submitted = 0, completedInSnapshots = 0, dead = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!"jfr-restart".equals(e.getString("engine"))) {
                continue;
            }
            switch (e.getEventType().getName()) {
                case "io.veltrix.LatencyInterval" -> {
                    if (e.getString("metric").equals("end-to-end")) {
                        completed += e.getLong("count");
                    }
                }
                case "io.veltrix.QueueSnapshot" -> {
                    submitted += e.getLong("submitted");
                    completedInSnapshots += e.getLong("completed");
                }
                case "io.veltrix.DeadLetterSummary" -> dead += e.getLong("deadLettered");
                default -> {}
            }
        }
        assertThat(completed).as("end-to-end latencies recorded").isEqualTo(400);
        assertThat(submitted).isEqualTo(500);
        assertThat(completedInSnapshots).isEqualTo(400);
        assertThat(dead).isEqualTo(100);
    }
}
