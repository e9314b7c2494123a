package io.veltrix.reports.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The allocation-sample decoder ({@link ChunkDecoder}, {@link AllocationSampleReader}) against the JDK's own reading
 * of the same files: sample by sample, and as a whole analysis.
 */
class AllocationSampleDecoderTest {

    /** Tables compared whole, not only their top 20 rows. */
    static final AnalysisOptions ALL_ROWS = AnalysisOptions.DEFAULTS.withTop(10_000);

    static final Path JDK25_JAVA = Paths.get("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @TempDir
    static Path dir;

    static Path single;
    static Path chunked;
    static Path flushed;

    /** One allocation sample as the analysis keys it. */
    record Sample(Instant start, long weight, String className, String site, ThreadRef thread) {}

    @BeforeAll
    static void record() throws Exception {
        single = TestRecordings.sharedWorkload();
        chunked = TestRecordings.recordWorkloadInChunks(dir.resolve("chunks.jfr"), 3);
        flushed = AllocationWorkload.record(dir.resolve("flushed.jfr"), 2);
    }

    static Stream<Arguments> recordings() {
        return Stream.of(
                Arguments.of("one chunk", single),
                Arguments.of("several chunks", chunked),
                Arguments.of("flushed chunks", flushed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void shouldDecodeEverySampleExactlyAsTheJdkReadsIt(String name, Path file) throws Exception {
        List<Sample> decoded = decode(file);
        List<Sample> jdk = readWithTheJdk(file);

        // How many samples the JVM takes depends on TLAB sizes and the machine: seen 73 to several hundred.
        assertThat(decoded).hasSizeGreaterThan(20);
        assertThat(decoded.size()).isEqualTo(jdk.size());
        assertThat(sum(decoded)).isEqualTo(sum(jdk)).isPositive();
        assertThat(weightBy(decoded, Sample::className)).isEqualTo(weightBy(jdk, Sample::className));
        assertThat(weightBy(decoded, Sample::site)).isEqualTo(weightBy(jdk, Sample::site));
        assertThat(weightBy(decoded, Sample::thread)).isEqualTo(weightBy(jdk, Sample::thread));
        // File order on both sides: the same samples in the same order, every field equal.
        assertThat(decoded).isEqualTo(jdk);
    }

    @Test
    void shouldReadRecordingsOfSeveralChunksAndConstantPoolsSpreadOverSeveralCheckpoints() throws Exception {
        assertThat(RecordingLayout.scan(chunked).chunks()).hasSizeGreaterThanOrEqualTo(4);
        RecordingLayout layout = RecordingLayout.scan(flushed);
        assertThat(layout.chunks()).hasSizeGreaterThanOrEqualTo(3);
        int mostCheckpoints = 0;
        try (FileChannel channel = FileChannel.open(flushed, StandardOpenOption.READ)) {
            for (RecordingLayout.Chunk chunk : layout.chunks()) {
                mostCheckpoints = Math.max(
                        mostCheckpoints, ChunkDecoder.open(channel, chunk, null).checkpoints());
            }
        }
        assertThat(mostCheckpoints).isGreaterThanOrEqualTo(2);
        // Samples of threads that existed only in the flushed recording resolve to their names.
        assertThat(weightBy(decode(flushed), s -> s.thread().name()))
                .containsKeys(AllocationWorkload.THREAD_PREFIX + 0, AllocationWorkload.THREAD_PREFIX + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void shouldGiveTheSameAnalysisWithTheDecoderAsWithTheJdksParser(String name, Path file) throws Exception {
        JfrAnalysis jdk = analyse(JfrAnalyzer.SampleReading.JDK, 1, file);
        assertSameAnalysis(analyse(JfrAnalyzer.SampleReading.THREAD, 1, file), jdk);
        assertSameAnalysis(analyse(JfrAnalyzer.SampleReading.INLINE, 1, file), jdk);
        assertSameAnalysis(analyse(JfrAnalyzer.SampleReading.THREAD, 3, file), jdk);
        AllocationSummary allocation = jdk.section(AllocationSummary.class).orElseThrow();
        assertThat(allocation.samples()).isEqualTo(decode(file).size());
    }

    @Test
    void shouldAnalyseSeveralFilesAsOneRecordingWithTheDecoder() throws Exception {
        JfrAnalysis jdk = JfrAnalyzer.standard()
                .withOptions(ALL_ROWS)
                .withSampleReading(JfrAnalyzer.SampleReading.JDK)
                .analyze(List.of(single, chunked, flushed));
        JfrAnalysis decoded = JfrAnalyzer.standard()
                .withOptions(ALL_ROWS)
                .withSampleReading(JfrAnalyzer.SampleReading.THREAD)
                .analyze(List.of(single, chunked, flushed));
        assertSameAnalysis(decoded, jdk);
    }

    /**
     * A chunk whose header declares format 2.9: the JDK's parser reads any 2.x, the decoder only the 2.0 and 2.1 it
     * knows. Refused in the first chunk, the file is read by the JDK's parser from the start; refused in the last,
     * after the decoder read the others, the samples are read again by the JDK's parser. Same results either way.
     */
    @Test
    void shouldFallBackToTheJdksParserWhenTheDecoderRefusesAChunk() throws Exception {
        RecordingLayout layout = RecordingLayout.scan(chunked);
        List<RecordingLayout.Chunk> chunks = layout.chunks();
        Path firstRefused = withMinorVersion(chunked, chunks.get(0), dir.resolve("first-refused.jfr"));
        Path lastRefused = withMinorVersion(chunked, chunks.get(chunks.size() - 1), dir.resolve("last-refused.jfr"));

        assertThat(AllocationSampleReader.sampleShare(RecordingLayout.scan(chunked)))
                .isPositive();
        assertThat(AllocationSampleReader.sampleShare(RecordingLayout.scan(firstRefused)))
                .isEqualTo(-1);
        assertThat(AllocationSampleReader.sampleShare(RecordingLayout.scan(lastRefused)))
                .isPositive();
        assertThatThrownBy(() ->
                        new AllocationSampleReader(RecordingLayout.scan(lastRefused), AnalysisOptions.DEFAULTS).read())
                .isInstanceOf(UnsupportedChunkException.class)
                .hasMessageContaining("format version 2.9");

        JfrAnalysis original = analyse(JfrAnalyzer.SampleReading.JDK, 1, chunked);
        for (Path refused : List.of(firstRefused, lastRefused)) {
            JfrAnalysis jdk = analyse(JfrAnalyzer.SampleReading.JDK, 1, refused);
            assertSameAnalysis(jdk, original);
            assertSameAnalysis(analyse(JfrAnalyzer.SampleReading.THREAD, 1, refused), jdk);
            assertSameAnalysis(analyse(JfrAnalyzer.SampleReading.INLINE, 1, refused), jdk);
            assertThat(jdk.partial()).isFalse();
        }
    }

    /**
     * A corrupt chunk whose checkpoint chain loops (the last checkpoint's predecessor made to point forward to the
     * last one again): the decoder refuses the chunk once it has read more than the chunk holds, instead of reading
     * the loop's checkpoints into memory a million times over.
     */
    @Test
    void shouldRefuseAChunkWhoseCheckpointChainLoops() throws Exception {
        byte[] bytes = Files.readAllBytes(flushed);
        RecordingLayout.Chunk looped = null;
        for (RecordingLayout.Chunk chunk : RecordingLayout.scan(flushed).chunks()) {
            int start = (int) chunk.offset();
            int last = start + (int) java.nio.ByteBuffer.wrap(bytes).getLong(start + 16);
            ByteCursor in = new ByteCursor().at(bytes, last);
            in.varLong(); // size
            in.varLong(); // type
            in.varLong(); // start time
            in.varLong(); // duration
            long delta = in.varLong();
            if (delta >= 0) {
                continue; // a single checkpoint: no predecessor to bend
            }
            int previous = last + (int) delta;
            ByteCursor p = new ByteCursor().at(bytes, previous);
            p.varLong();
            p.varLong();
            p.varLong();
            p.varLong();
            int deltaAt = p.pos;
            long old = p.varLong();
            int width = p.pos - deltaAt;
            assertThat(old).as("the predecessor's own delta").isNegative();
            assertThat(width).as("a negative delta is written in 9 bytes").isEqualTo(9);
            // The same 9 bytes now say last - previous (LEB128 with padding groups), pointing forward again.
            long forward = last - previous;
            for (int k = 0; k < 8; k++) {
                bytes[deltaAt + k] = (byte) (((forward >>> (7 * k)) & 0x7F) | 0x80);
            }
            bytes[deltaAt + 8] = (byte) (forward >>> 56);
            looped = chunk;
            break;
        }
        assertThat(looped).as("a chunk with two checkpoints or more").isNotNull();
        Path file = dir.resolve("looped.jfr");
        Files.write(file, bytes);
        RecordingLayout.Chunk chunk = looped;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThatThrownBy(() -> ChunkDecoder.open(channel, chunk, null))
                    .isInstanceOf(UnsupportedChunkException.class)
                    .hasMessageStartingWith("checkpoint chain loops: it comes back to ");
        }
    }

    /**
     * By default ({@code AUTO}) samples are decoded only where they are a fair share of the file: reading it twice
     * costs more than it saves when there are few. The results are the same either way.
     */
    @Test
    void shouldDecodeByDefaultOnlyWhereSamplesAreAFairShareOfTheFile() throws Exception {
        Path none = dir.resolve("no-samples.jfr");
        try (jdk.jfr.Recording r = new jdk.jfr.Recording()) {
            r.enable("jdk.GarbageCollection");
            r.enable("jdk.ThreadStart");
            r.start();
            AllocationWorkload.run(1, 100);
            System.gc();
            r.stop();
            r.dump(none);
        }
        double dense = AllocationSampleReader.sampleShare(RecordingLayout.scan(flushed));
        assertThat(dense).isGreaterThan(JfrAnalyzer.MIN_SAMPLE_SHARE).isLessThanOrEqualTo(1.0);
        assertThat(AllocationSampleReader.sampleShare(RecordingLayout.scan(none)))
                .isZero();
        for (Path file : List.of(flushed, none)) {
            assertSameAnalysis(
                    analyse(JfrAnalyzer.SampleReading.AUTO, 1, file), analyse(JfrAnalyzer.SampleReading.JDK, 1, file));
        }
    }

    /**
     * A chunk whose metadata the decoder rejects: the thread type's {@code osName} field renamed {@code osNamE} in the
     * metadata's string table. The JDK's parser reads the file as ever ({@code RecordedThread.getOSName()} gives null
     * for a missing field); the decoder, which needs the field, refuses the chunk, and the file is read the JDK's way.
     */
    @Test
    void shouldFallBackToTheJdksParserWhenTheDecoderRejectsAChunksMetadata() throws Exception {
        byte[] bytes = Files.readAllBytes(chunked);
        RecordingLayout.Chunk first = RecordingLayout.scan(chunked).chunks().get(0);
        int metadata = (int) (first.offset() + java.nio.ByteBuffer.wrap(bytes).getLong((int) first.offset() + 24));
        int size = (int) new ByteCursor().at(bytes, metadata).varLong();
        int renamed = 0;
        byte[] name = "osName".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = metadata; i + name.length + 2 <= metadata + size; i++) {
            // UTF-8, Latin-1 or char array (one compressed integer per char): the same bytes for ASCII
            if ((bytes[i] == ByteCursor.STRING_UTF8
                            || bytes[i] == ByteCursor.STRING_LATIN1
                            || bytes[i] == ByteCursor.STRING_CHARS)
                    && bytes[i + 1] == name.length
                    && java.util.Arrays.equals(bytes, i + 2, i + 2 + name.length, name, 0, name.length)) {
                bytes[i + 2 + name.length - 1] = 'E';
                renamed++;
            }
        }
        assertThat(renamed).isEqualTo(1);
        Path rejected = Files.write(dir.resolve("metadata-rejected.jfr"), bytes);

        assertThat(AllocationSampleReader.sampleShare(RecordingLayout.scan(rejected)))
                .isEqualTo(-1);
        assertThatThrownBy(() ->
                        new AllocationSampleReader(RecordingLayout.scan(rejected), AnalysisOptions.DEFAULTS).read())
                .isInstanceOf(UnsupportedChunkException.class)
                .hasMessageContaining("osName");
        JfrAnalysis jdk = analyse(JfrAnalyzer.SampleReading.JDK, 1, rejected);
        assertThat(jdk.partial()).isFalse();
        assertThat(jdk.context().eventCount(AllocationAggregator.SAMPLE))
                .isEqualTo(readWithTheJdk(chunked).size())
                .isPositive();
        assertSameAnalysis(analyse(JfrAnalyzer.SampleReading.THREAD, 1, rejected), jdk);
        assertSameAnalysis(analyse(JfrAnalyzer.SampleReading.AUTO, 1, rejected), jdk);
    }

    /** A recording cut in its last chunk: the decoder reads only the complete chunks, as the JDK's parser does. */
    @Test
    void shouldDecodeOnlyTheCompleteChunksOfACutRecording() throws Exception {
        RecordingLayout layout = RecordingLayout.scan(chunked);
        RecordingLayout.Chunk last = layout.chunks().get(layout.chunks().size() - 1);
        Path cut = TestRecordings.cut(chunked, dir.resolve("cut.jfr"), last.offset() + last.bytes() / 2);
        Path prefix = TestRecordings.cut(chunked, dir.resolve("prefix.jfr"), last.offset());

        JfrAnalysis decoded = analyse(JfrAnalyzer.SampleReading.THREAD, 1, cut);
        JfrAnalysis jdk = analyse(JfrAnalyzer.SampleReading.JDK, 1, cut);

        assertThat(decoded.partial()).isTrue();
        assertThat(decoded.problems()).isEqualTo(jdk.problems());
        assertSameAnalysis(decoded, jdk);
        assertThat(decoded.context().eventCount(AllocationAggregator.SAMPLE))
                .isEqualTo(readWithTheJdk(prefix).size())
                .isLessThan(readWithTheJdk(chunked).size());
    }

    /** A recording made by JDK 25 (a child JVM), if that JDK is on this machine. */
    @Test
    void shouldDecodeARecordingMadeByJdk25() throws Exception {
        assumeTrue(Files.isExecutable(JDK25_JAVA), "no JDK 25 at " + JDK25_JAVA);
        Path recording = dir.resolve("jdk25.jfr");
        String classes = TestRecordings.classPathOf(AllocationWorkload.class);
        Process child = new ProcessBuilder(
                        JDK25_JAVA.toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        classes,
                        AllocationWorkload.class.getName(),
                        recording.toString(),
                        "2")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("jdk25.log").toFile())
                .start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue())
                .as(Files.readString(dir.resolve("jdk25.log")))
                .isZero();
        try (FileChannel channel = FileChannel.open(recording, StandardOpenOption.READ)) {
            java.nio.ByteBuffer version = java.nio.ByteBuffer.allocate(4);
            channel.read(version, 4);
            assertThat(version.getShort(0)).isEqualTo((short) 2);
        }

        List<Sample> decoded = decode(recording);
        assertThat(decoded).hasSizeGreaterThan(20);
        assertThat(decoded).isEqualTo(readWithTheJdk(recording));
        assertThat(RecordingLayout.scan(recording).chunks()).hasSizeGreaterThanOrEqualTo(3);
        JfrAnalysis jdk = analyse(JfrAnalyzer.SampleReading.JDK, 1, recording);
        assertSameAnalysis(analyse(JfrAnalyzer.SampleReading.THREAD, 1, recording), jdk);
        assertThat(jdk.section(AllocationSummary.class).orElseThrow().samples()).isEqualTo(decoded.size());
    }

    // ---------------------------------------------------------------- helpers

    /** Every sample of the file's complete chunks, as the decoder reads them, in file order. */
    static List<Sample> decode(Path file) throws IOException {
        List<Sample> samples = new ArrayList<>();
        AllocationSampleReader.scan(
                RecordingLayout.scan(file),
                (c, startTicks, endTicks, weight, classKey, stackKey, threadKey) -> samples.add(new Sample(
                        Instant.ofEpochSecond(0, c.nanos(startTicks)),
                        weight,
                        c.className(classKey),
                        c.topSite(stackKey),
                        c.thread(threadKey))));
        return samples;
    }

    /** Every sample as the JDK's {@link RecordingFile} reads it, keyed as the analysis keys the JDK's objects. */
    static List<Sample> readWithTheJdk(Path file) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (RecordingFile in = new RecordingFile(file)) {
            while (in.hasMoreEvents()) {
                RecordedEvent e = in.readEvent();
                if (e.getEventType().getName().equals(AllocationAggregator.SAMPLE)) {
                    samples.add(new Sample(
                            e.getStartTime(),
                            e.getLong("weight"),
                            Frames.className(e.getValue("objectClass")),
                            Frames.topSite(e.getValue("stackTrace")),
                            ThreadRef.of(e.getThread("eventThread"))));
                }
            }
        }
        return samples;
    }

    private static long sum(List<Sample> samples) {
        return samples.stream().mapToLong(Sample::weight).sum();
    }

    private static <K> Map<K, Long> weightBy(List<Sample> samples, java.util.function.Function<Sample, K> key) {
        Map<K, Long> sums = new HashMap<>();
        samples.forEach(s -> sums.merge(key.apply(s), s.weight(), Long::sum));
        return sums;
    }

    private static JfrAnalysis analyse(JfrAnalyzer.SampleReading reading, int workers, Path file) throws Exception {
        return JfrAnalyzer.standard()
                .withOptions(ALL_ROWS)
                .withSampleReading(reading)
                .withWorkers(workers)
                .analyze(List.of(file));
    }

    /** Every section written the same (the reading speed aside), the same window and event counts. */
    static void assertSameAnalysis(JfrAnalysis actual, JfrAnalysis expected) {
        assertThat(actual.sections()).hasSameSizeAs(expected.sections());
        for (int i = 0; i < expected.sections().size(); i++) {
            ReportSection a = actual.sections().get(i);
            ReportSection e = expected.sections().get(i);
            if (e instanceof RecordingSummary summary) {
                assertThat(((RecordingSummary) a).eventsRead()).isEqualTo(summary.eventsRead());
                continue;
            }
            assertThat(written(a)).as(e.key()).isEqualTo(written(e));
        }
        assertThat(components(actual.section(AllocationSummary.class).orElseThrow()))
                .isEqualTo(components(expected.section(AllocationSummary.class).orElseThrow()));
        assertThat(actual.context().firstEvent()).isEqualTo(expected.context().firstEvent());
        assertThat(actual.context().lastEvent()).isEqualTo(expected.context().lastEvent());
        assertThat(actual.context().eventCount(AllocationAggregator.SAMPLE))
                .isEqualTo(expected.context().eventCount(AllocationAggregator.SAMPLE));
        assertThat(actual.files().stream().map(AllocationSampleDecoderTest::withoutName))
                .containsExactlyElementsOf(expected.files().stream()
                        .map(AllocationSampleDecoderTest::withoutName)
                        .toList());
    }

    private static List<Object> withoutName(FileReport f) {
        return java.util.Arrays.asList(f.bytes(), f.chunks(), f.readBytes(), f.status(), f.problem());
    }

    /** Every figure of the allocation section (the settings it quotes are compared as written). */
    private static List<Object> components(AllocationSummary s) {
        return List.of(
                s.samples(),
                s.sampledBytes(),
                s.sampledBytesPerSecond(),
                s.topClasses(),
                s.topSites(),
                s.topThreads(),
                s.maxFoldedWeight(),
                s.statistics(),
                s.sampledThreadsWithoutStatistics(),
                s.statisticsEventsDropped(),
                s.excludedFirstSamples(),
                s.excludedFirstSampleBytes(),
                s.threadsPastCap());
    }

    private static String written(ReportSection section) {
        StringBuilder out = new StringBuilder();
        section.writeTo(new RecordingSectionWriter(out));
        return out.toString();
    }

    /** A copy of {@code source} whose {@code chunk} declares format version 2.9. */
    private static Path withMinorVersion(Path source, RecordingLayout.Chunk chunk, Path target) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        assertThat(bytes[(int) chunk.offset() + 4]).isEqualTo((byte) 0);
        assertThat(bytes[(int) chunk.offset() + 5]).isEqualTo((byte) 2);
        bytes[(int) chunk.offset() + 6] = 0;
        bytes[(int) chunk.offset() + 7] = 9;
        return Files.write(target, bytes);
    }
}
