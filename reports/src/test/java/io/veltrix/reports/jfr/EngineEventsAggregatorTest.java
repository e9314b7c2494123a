package io.veltrix.reports.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.veltrix.engine.Engine;
import io.veltrix.engine.EngineConfig;
import io.veltrix.engine.EngineSnapshot;
import io.veltrix.engine.EventType;
import io.veltrix.engine.Outcome;
import io.veltrix.engine.QueueSizing;
import io.veltrix.engine.ShutdownMode;
import io.veltrix.reports.jfr.format.JfrReportFormatType;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real engine, a real recording: the analysis must rebuild the engine's own percentiles exactly. */
class EngineEventsAggregatorTest {

    @Test
    void shouldRebuildTheEnginesLatencyPercentilesExactlyFromARecording(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("engine.jfr");
        EngineConfig config = EngineConfig.builder()
                .workers(2)
                .threadNamePrefix("analysed")
                .defaultSizing(QueueSizing.fixed(1 << 16))
                .eventType("pay", "critical", e -> {
                    long until = System.nanoTime() + (e.tag() % 20) * 2_000;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    return Outcome.SUCCESS;
                })
                .eventType("log", "low", e -> Outcome.SUCCESS)
                .build();
        Engine engine = Engine.start(config);
        EngineSnapshot last;
        try (Recording recording = new Recording(Configuration.getConfiguration("default"))) {
            recording.enable("io.veltrix.LatencyInterval").withPeriod(Duration.ofMillis(100));
            recording.enable("io.veltrix.QueueSnapshot").withPeriod(Duration.ofMillis(100));
            recording.start();
            EventType pay = engine.eventType("pay");
            EventType log = engine.eventType("log");
            for (int i = 0; i < 30_000; i++) {
                engine.submit(i % 3 == 0 ? log : pay, null, i, System.nanoTime());
                if (i % 5_000 == 0) {
                    Thread.sleep(50);
                }
            }
            last = engine.shutdown(ShutdownMode.DRAIN, Duration.ofSeconds(20)).last();
            recording.stop();
            recording.dump(file);
        }

        JfrAnalysis analysis = JfrAnalyzer.standard().analyze(List.of(file));
        StringWriter out = new StringWriter();
        JfrReportFormatType.JSON.create().write(analysis, out);
        JsonNode engineSection = new ObjectMapper().readTree(out.toString()).get("engine");
        JsonNode rows = engineSection.get("latency");
        assertThat(rows).isNotNull();
        Histogram payE2e = last.type("pay").total().endToEnd();
        JsonNode payRow = null;
        for (JsonNode row : rows) {
            if (row.get("engine").asText().equals("analysed")
                    && row.get("eventType").asText().equals("pay")
                    && row.get("metric").asText().equals("end-to-end")) {
                payRow = row;
            }
        }
        assertThat(payRow).as("row for pay end-to-end in %s", rows).isNotNull();
        assertThat(payRow.get("count").asLong())
                .isEqualTo(payE2e.getTotalCount())
                .isEqualTo(20_000);
        assertThat(payRow.get("p99Ms").asDouble()).isEqualTo(payE2e.getValueAtPercentile(99) / 1e6);
        assertThat(payRow.get("maxMs").asDouble()).isEqualTo(payE2e.getMaxValue() / 1e6);
        long completedInQueues = 0;
        for (JsonNode q : engineSection.get("queues")) {
            completedInQueues += q.get("completed").asLong();
        }
        assertThat(completedInQueues).isEqualTo(last.total().completed()).isEqualTo(30_000);
    }
}
