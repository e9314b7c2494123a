package io.veltrix.reports.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DamagedInputTest {

    @TempDir
    static Path dir;

    static Path oneChunk;
    static Path chunks;

    @BeforeAll
    static void record() throws Exception {
        oneChunk = TestRecordings.recordWorkloadInChunks(dir.resolve("one-chunk.jfr"), 0);
        chunks = TestRecordings.recordWorkloadInChunks(dir.resolve("chunks.jfr"), 3);
    }

    @Test
    void shouldListEveryChunkOfACompleteRecording() throws Exception {
        RecordingLayout layout = RecordingLayout.scan(chunks);
        assertThat(layout.status()).isEqualTo(RecordingLayout.Status.COMPLETE);
        assertThat(layout.problem()).isNull();
        assertThat(layout.chunks()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(layout.chunks().stream()
                        .mapToLong(RecordingLayout.Chunk::bytes)
                        .sum())
                .isEqualTo(Files.size(chunks))
                .isEqualTo(layout.usableBytes());
        assertThat(layout.chunks().get(0).offset()).isZero();
        assertThat(RecordingLayout.scan(oneChunk).chunks()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void shouldAnalyseTheCompleteChunksOfARecordingCutInItsLastChunk(int workers) throws Exception {
        RecordingLayout layout = RecordingLayout.scan(chunks);
        RecordingLayout.Chunk last = layout.chunks().get(layout.chunks().size() - 1);
        Path cut = TestRecordings.cut(
                chunks, dir.resolve("cut-in-last-chunk-" + workers + ".jfr"), last.offset() + last.bytes() / 2);
        Path prefix = TestRecordings.cut(chunks, dir.resolve("complete-prefix.jfr"), last.offset());

        JfrAnalysis analysis = JfrAnalyzer.standard().withWorkers(workers).analyze(List.of(cut));

        assertThat(analysis.partial()).isTrue();
        FileReport file = analysis.files().get(0);
        assertThat(file.chunks()).isEqualTo(layout.chunks().size() - 1);
        assertThat(file.readBytes()).isEqualTo(last.offset());
        assertThat(analysis.problems())
                .singleElement()
                .asString()
                .startsWith(cut.toString())
                .contains("chunk " + layout.chunks().size() + " at byte " + last.offset() + " is cut short")
                .contains("results are partial");
        GroundTruth truth = GroundTruth.read(
                prefix, analysis.section(SettingsSummary.class).orElseThrow().eventTypes());
        assertThat(analysis.context().eventCount("jdk.ObjectAllocationSample"))
                .isEqualTo(truth.count("jdk.ObjectAllocationSample"))
                .isPositive();
        assertThat(analysis.context().eventCount("jdk.GarbageCollection"))
                .isEqualTo(truth.count("jdk.GarbageCollection"));
    }

    @Test
    void shouldRejectARecordingCutInsideItsOnlyChunkSayingNothingIsReadable() throws Exception {
        Path cut = TestRecordings.cut(oneChunk, dir.resolve("half.jfr"), Files.size(oneChunk) / 2);
        JfrInputException e =
                catchThrowableOfType(() -> JfrAnalyzer.standard().analyze(List.of(cut)), JfrInputException.class);
        assertThat(e.problems())
                .singleElement()
                .asString()
                .startsWith(cut + ": chunk 1 at byte 0 is cut short: it declares " + Files.size(oneChunk) + " bytes")
                .endsWith("nothing readable: no chunk of it is complete");
    }

    @Test
    void shouldRejectAFileThatIsNotARecordingNamingItAndItsFirstBytes() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello, world\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JfrAnalyzer.standard().analyze(List.of(text)))
                .isInstanceOf(JfrInputException.class)
                .hasMessage(text + ": not a JDK Flight Recorder recording: it starts with bytes"
                        + " 68 65 6c 6c 6f 2c 20 77 where a recording starts with 46 4c 52 00 (\"FLR\\0\")");
    }

    @Test
    void shouldRejectMissingEmptyAndDirectoryInputsNamingEach() throws Exception {
        Path missing = dir.resolve("missing.jfr");
        Path empty = Files.createFile(dir.resolve("empty.jfr"));
        JfrInputException e = catchThrowableOfType(
                () -> JfrAnalyzer.standard().analyze(List.of(missing, empty, dir)), JfrInputException.class);
        assertThat(e.problems())
                .containsExactly(
                        missing + ": no such file",
                        empty + ": the file is empty (0 bytes)",
                        dir + ": is a directory; give the recording files (*.jfr) in it");
    }

    @Test
    void shouldRecogniseAChunkStillBeingWritten() throws Exception {
        byte[] bytes = Files.readAllBytes(oneChunk);
        bytes[64] = 1; // the chunk header's file state: non-zero while the JVM writes the chunk
        Path live = Files.write(dir.resolve("live.jfr"), bytes);
        JfrInputException e =
                catchThrowableOfType(() -> JfrAnalyzer.standard().analyze(List.of(live)), JfrInputException.class);
        assertThat(e.getMessage())
                .startsWith(live + ": chunk 1 at byte 0 is unfinished")
                .contains("JFR.dump");
    }

    @Test
    void shouldAnalyseSeveralFilesAsOneRecording() throws Exception {
        JfrAnalysis one = JfrAnalyzer.standard().analyze(List.of(oneChunk));
        JfrAnalysis both = JfrAnalyzer.standard().analyze(List.of(oneChunk, chunks));
        JfrAnalysis other = JfrAnalyzer.standard().analyze(List.of(chunks));
        assertThat(both.files()).hasSize(2);
        assertThat(both.context().eventCount("jdk.ObjectAllocationSample"))
                .isEqualTo(one.context().eventCount("jdk.ObjectAllocationSample")
                        + other.context().eventCount("jdk.ObjectAllocationSample"));
        assertThat(both.context().firstEvent()).isEqualTo(one.context().firstEvent());
        assertThat(both.context().lastEvent()).isEqualTo(other.context().lastEvent());
    }
}
