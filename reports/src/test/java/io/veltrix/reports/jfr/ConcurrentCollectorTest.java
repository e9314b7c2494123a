package io.veltrix.reports.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ZGC and Shenandoah record each concurrent cycle as one jdk.GarbageCollection whose duration is the whole cycle;
 * the pauses are sumOfPauses and longestPause. Records a child JVM running each collector.
 */
class ConcurrentCollectorTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"-XX:+UseZGC", "-XX:+UseShenandoahGC"})
    void shouldTakePausesFromSumOfPausesNotFromTheCycleDuration(String collector) throws Exception {
        Path recording = dir.resolve("concurrent.jfr");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        String classes = TestRecordings.classPathOf(ZgcWorkload.class);
        Process child = new ProcessBuilder(
                        java.toString(),
                        collector,
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:StartFlightRecording=settings=profile,filename=" + recording,
                        "-cp",
                        classes,
                        ZgcWorkload.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(
                child.exitValue() == 0 && Files.exists(recording),
                () -> collector + " is not available in this JVM: " + readQuietly(dir.resolve("child.log")));

        JfrAnalysis analysis = JfrAnalyzer.standard().analyze(List.of(recording));
        GroundTruth truth = GroundTruth.read(recording, Set.of("jdk.GarbageCollection"));
        GcSummary gc = analysis.section(GcSummary.class).orElseThrow();

        assertThat(gc.collections())
                .isEqualTo(truth.count("jdk.GarbageCollection"))
                .isGreaterThanOrEqualTo(4);
        assertThat(gc.concurrentCollector()).isTrue();
        assertThat(gc.pauseTotal().toNanos()).isEqualTo(truth.totalSumOfPauses());
        assertThat(gc.pauseMax().toNanos()).isEqualTo(truth.maxLongestPause());
        // The cycles run mostly beside the application: their durations dwarf the pauses.
        assertThat(gc.cycleTotal()).isGreaterThan(gc.pauseTotal().multipliedBy(5));
        // Each cycle pauses more than once, as jdk.GCPhasePause shows.
        assertThat(gc.phasePauseCount()).isGreaterThan(gc.collections());
        StringBuilder notes = new StringBuilder();
        gc.writeTo(new RecordingSectionWriter(notes));
        assertThat(notes.toString()).contains("A concurrent collector (ZGC or Shenandoah) ran");
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no output)";
        }
    }
}
