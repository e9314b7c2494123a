package io.veltrix.reports.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.veltrix.reports.jfr.format.JfrReportFormatType;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON and text reports of the known workload carry the analysis' figures, and say what is estimated. */
class WorkloadReportTest {

    static Path recording;
    static JfrAnalysis analysis;
    static JsonNode json;
    static String text;

    @BeforeAll
    static void analyse() throws Exception {
        recording = TestRecordings.sharedWorkload();
        analysis = JfrAnalyzer.standard().analyze(List.of(recording));
        StringWriter jsonOut = new StringWriter();
        JfrReportFormatType.JSON.create().write(analysis, jsonOut);
        json = new ObjectMapper().readTree(jsonOut.toString());
        StringWriter textOut = new StringWriter();
        JfrReportFormatType.TEXT.create().write(analysis, textOut);
        text = textOut.toString();
    }

    @Test
    void shouldStartTheJsonWithFormatVersionAndCompleteness() {
        assertThat(json.get("format").asText()).isEqualTo("veltrix-jfr");
        assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(json.get("partial").asBoolean()).isFalse();
        assertThat(json.get("problems")).isEmpty();
        assertThat(fieldNames(json))
                .containsExactly(
                        "format",
                        "formatVersion",
                        "partial",
                        "problems",
                        "recording",
                        "settings",
                        "jvm",
                        "cpu",
                        "gc",
                        "allocation",
                        "execution",
                        "locks",
                        "engine");
    }

    @Test
    void shouldDescribeTheFilesAndWindowInTheRecordingSection() {
        JsonNode rec = json.get("recording");
        assertThat(rec.get("files").get(0).get("path").asText()).isEqualTo(recording.toString());
        assertThat(rec.get("files").get(0).get("status").asText()).isEqualTo("complete");
        assertThat(rec.get("files").get(0).get("problem").isNull()).isTrue();
        assertThat(rec.get("eventsRead").asLong())
                .isEqualTo(
                        analysis.section(RecordingSummary.class).orElseThrow().eventsRead());
        assertThat(rec.get("firstEvent").asText())
                .isEqualTo(analysis.context().firstEvent().toString());
        assertThat(rec.get("durationSeconds").decimalValue())
                .isEqualTo(round(analysis.context().duration().toNanos() / 1e9, 3));
    }

    @Test
    void shouldListEveryAnalysedEventTypeWithStateCountAndSettings() {
        JsonNode row = row(json.get("settings").get("eventTypes"), "eventType", "jdk.ObjectAllocationSample");
        assertThat(row.get("state").asText()).isEqualTo("enabled");
        assertThat(row.get("events").asLong()).isEqualTo(analysis.context().eventCount("jdk.ObjectAllocationSample"));
        assertThat(row.get("settings").asText()).isEqualTo("stackTrace=true, throttle=10000/s");
        assertThat(row(json.get("settings").get("eventTypes"), "eventType", "jdk.JavaMonitorEnter")
                        .get("state")
                        .asText())
                .isEqualTo("disabled");
    }

    @Test
    void shouldWriteGcFiguresInMillisecondsToTheNanosecond() {
        GcSummary gc = analysis.section(GcSummary.class).orElseThrow();
        JsonNode node = json.get("gc");
        assertThat(node.get("collections").asLong()).isEqualTo(gc.collections());
        assertThat(node.get("pauseTotalMs").decimalValue())
                .isEqualTo(round(gc.pauseTotal().toNanos() / 1e6, 6));
        assertThat(node.get("pauseMaxMs").decimalValue())
                .isEqualTo(round(gc.pauseMax().toNanos() / 1e6, 6));
        assertThat(node.get("pauseCount").asLong()).isEqualTo(gc.phasePauseCount());
        assertThat(node.get("heapMaxBytes").asLong()).isEqualTo(gc.heapMax());
    }

    @Test
    void shouldMarkAllocationFiguresAsEstimatesAndSayHow() {
        AllocationSummary allocation = analysis.section(AllocationSummary.class).orElseThrow();
        JsonNode node = json.get("allocation");
        assertThat(node.get("estimate").asText())
                .startsWith("sampled allocation: each jdk.ObjectAllocationSample carries a weight")
                .contains("throttle 10000/s");
        assertThat(node.get("sampledBytes").asLong()).isEqualTo(allocation.sampledBytes());
        JsonNode top = node.get("topClasses").get(0);
        assertThat(top.get("class").asText()).isEqualTo("byte[]");
        assertThat(top.get("bytes").asLong())
                .isEqualTo(allocation.topClasses().get(0).weight());
        JsonNode thread = row(node.get("threadsSampled"), "thread", TestRecordings.ALLOCATING_THREAD);
        assertThat(thread.get("statisticsAllocatedBytes").asLong()).isPositive();
        assertThat(row(node.get("threadStatistics"), "thread", TestRecordings.ALLOCATING_THREAD)
                        .get("allocatedBytes")
                        .asLong())
                .isEqualTo(thread.get("statisticsAllocatedBytes").asLong());
        assertThat(json.get("execution").get("estimate").asText()).startsWith("sampled CPU profile");
        assertThat(json.get("gc").has("estimate")).isFalse();
    }

    @Test
    void shouldWriteNullWithTheReasonForAFigureWhoseEventWasOff() {
        JsonNode locks = json.get("locks");
        assertThat(locks.get("monitorEnterCount").isNull()).isTrue();
        assertThat(locks.get("unavailable").get("monitorEnterCount").asText())
                .isEqualTo("jdk.JavaMonitorEnter was disabled in this recording (jdk.ActiveSetting enabled=false)");
        assertThat(locks.get("parkCount").asLong()).isGreaterThanOrEqualTo(TestRecordings.PARKS);
    }

    @Test
    void shouldPrintEverySectionWithEstimatesAndReasonsInText() {
        assertThat(text)
                .startsWith("veltrix jfr" + System.lineSeparator())
                .doesNotContain("PARTIAL RESULTS")
                .contains("== Recording")
                .contains("== Garbage collection")
                .contains("  estimate: sampled allocation: each jdk.ObjectAllocationSample carries a weight")
                .contains("n/a: jdk.JavaMonitorEnter was disabled in this recording")
                .contains(TestRecordings.Workload.class.getName() + ".burnCpu")
                .contains(TestRecordings.ALLOCATING_THREAD);
        assertThat(text.lines().filter(l -> l.startsWith("    byte[] "))).hasSize(1);
    }

    private static JsonNode row(JsonNode table, String key, String value) {
        return StreamSupport.stream(table.spliterator(), false)
                .filter(r -> r.get(key).asText().equals(value))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + key + "=" + value + " in " + table));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static BigDecimal round(double value, int decimals) {
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }
}
