package io.veltrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrCommandTest {

    @TempDir
    static Path dir;

    static Path recording;

    static volatile Object sink;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A recording of a short workload, in several chunks (starting another recording rotates the chunk). */
    @BeforeAll
    static void record() throws Exception {
        recording = dir.resolve("app.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.enable("jdk.ObjectAllocationSample").with("throttle", "10000/s");
            r.enable("jdk.GarbageCollection");
            r.enable("jdk.ActiveSetting");
            r.start();
            for (int chunk = 0; chunk < 3; chunk++) {
                spinAndAllocate(150);
                System.gc();
                try (Recording rotate = new Recording()) {
                    rotate.start();
                    rotate.stop();
                }
            }
            r.stop();
            r.dump(recording);
        }
    }

    /** Runs until this thread has used {@code millis} of CPU (or 10 s passed), so it is sampled even when busy. */
    static void spinAndAllocate(long millis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuEnd = threads.getCurrentThreadCpuTime() + millis * 1_000_000;
        long wallEnd = System.nanoTime() + 10_000_000_000L;
        while (threads.getCurrentThreadCpuTime() < cpuEnd && System.nanoTime() < wallEnd) {
            for (int i = 0; i < 1000; i++) {
                sink = new byte[256];
            }
        }
    }

    private int run(String... args) {
        return Veltrix.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void shouldPrintTheReportAndExitZeroForACompleteRecording() {
        assertThat(run("jfr", recording.toString())).isEqualTo(ExitCode.OK);
        assertThat(out.toString())
                .startsWith("veltrix jfr")
                .contains("== Recording")
                .contains(recording.toString())
                .contains("== Garbage collection")
                .contains("== Allocation")
                .contains("estimate: sampled allocation")
                .contains("== Hot methods (jdk.ExecutionSample)")
                .contains(JfrCommandTest.class.getName() + ".spinAndAllocate")
                .doesNotContain("PARTIAL");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldWriteTheReportAsJsonWhenAsked() throws Exception {
        assertThat(run("jfr", "--json", "--top", "3", recording.toString())).isEqualTo(ExitCode.OK);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("format").asText()).isEqualTo("veltrix-jfr");
        assertThat(json.get("partial").asBoolean()).isFalse();
        assertThat(json.get("recording").get("files").get(0).get("path").asText())
                .isEqualTo(recording.toString());
        assertThat(json.get("gc").get("collections").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(json.get("allocation").get("topClasses").size()).isBetween(1, 3);
    }

    @Test
    void shouldWriteCollapsedStacksRootFirstToTheGivenFile() throws Exception {
        Path folded = dir.resolve("stacks.folded");
        assertThat(run("jfr", "--collapsed", folded.toString(), recording.toString()))
                .isEqualTo(ExitCode.OK);
        List<String> lines = Files.readAllLines(folded);
        assertThat(lines).isNotEmpty().allMatch(l -> l.matches("\\S.* [1-9][0-9]*"));
        // Root first: the test method that called the workload comes before the workload on the line.
        String caller = JfrCommandTest.class.getName() + ".record;";
        String workload = JfrCommandTest.class.getName() + ".spinAndAllocate";
        assertThat(lines).anyMatch(l -> l.contains(caller) && l.indexOf(caller) < l.indexOf(workload));
        assertThat(err.toString()).contains("wrote " + lines.size() + " collapsed stacks to " + folded);
    }

    @Test
    void shouldExitTwoNamingTheFileWhenItIsNotARecording() throws Exception {
        Path text = Files.writeString(dir.resolve("readme.txt"), "not a recording");
        assertThat(run("jfr", text.toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString())
                .startsWith("veltrix jfr: " + text + ": not a JDK Flight Recorder recording")
                .contains("46 4c 52 00");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldExitTwoForAMissingFile() {
        Path missing = dir.resolve("nowhere.jfr");
        assertThat(run("jfr", missing.toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("veltrix jfr: " + missing + ": no such file" + System.lineSeparator());
    }

    @Test
    void shouldPrintPartialResultsAndExitTwoForARecordingCutInItsLastChunk() throws Exception {
        byte[] bytes = Files.readAllBytes(recording);
        long lastChunk = lastChunkOffset(bytes);
        assertThat(lastChunk).isPositive();
        Path cut = Files.write(dir.resolve("cut.jfr"), Arrays.copyOf(bytes, (int) (lastChunk + 100)));

        assertThat(run("jfr", cut.toString())).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(out.toString())
                .contains("PARTIAL RESULTS")
                .contains("== Garbage collection")
                .contains("is cut short");
        assertThat(err.toString())
                .startsWith("veltrix jfr: " + cut + ": chunk ")
                .contains("is cut short")
                .contains("so the results are partial");
    }

    @Test
    void shouldExitTwoForTopBelowOneWithoutReadingAnything() {
        assertThat(run("jfr", "--top", "0", recording.toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("--top must be at least 1 (rows per table), was 0");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldExitTwoWhenTheCollapsedFilesFolderDoesNotExist() {
        Path folded = dir.resolve("no-such-folder").resolve("stacks.folded");
        assertThat(run("jfr", "--collapsed", folded.toString(), recording.toString()))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString())
                .contains("--collapsed " + folded + ": the folder")
                .contains("does not exist");
    }

    @Test
    void shouldExitTwoWhenNoFileIsGiven() {
        assertThat(run("jfr")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("Missing required parameter: 'FILE.jfr'");
    }

    @Test
    void shouldExitThreeWhenTheReportCannotBeWritten() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        int code = Veltrix.execute(new PrintWriter(broken), new PrintWriter(err, true), "jfr", recording.toString());
        assertThat(code).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(err.toString()).contains("veltrix jfr: could not write the output: could not write the report");
    }

    @Test
    void shouldListTheJfrCommandInTheMainHelp() {
        assertThat(run("--help")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("jfr").contains("Analyses JDK Flight Recorder recordings");
    }

    /** Offset of the last chunk, from the chunk headers (chunk size is the big-endian long at offset 8). */
    private static long lastChunkOffset(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long offset = 0;
        long last = 0;
        while (offset < bytes.length) {
            last = offset;
            offset += buffer.getLong((int) offset + 8);
        }
        return last;
    }
}
