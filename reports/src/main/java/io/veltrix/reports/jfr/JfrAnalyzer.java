package io.veltrix.reports.jfr;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Analyses JDK Flight Recorder recordings made by any JDK 17+ application, in one pass and bounded memory.
 *
 * <p>How: every file's chunk headers are checked first ({@link RecordingLayout}), so a missing, foreign or unusable
 * file fails before anything is read, and of a truncated or unfinished file only its complete chunks are read. Each
 * file is then streamed with {@link jdk.jfr.consumer.EventStream#openFile}, unordered, subscribing only to the event
 * types some {@link EventAggregator} asked for: the JDK's parser skips every other event without decoding it. On
 * three or more cores the parser runs on its own thread and hands events to one aggregating worker per core but one,
 * each with its own aggregators, merged at the end ({@link ParallelReader}, {@link MergeableAggregator}); on two
 * cores one thread does both. Several files are analysed as parts of one recording (e.g. the chunk files of a
 * repository).
 *
 * <p>Allocation samples are the exception: in a file made largely of them, reading their fields through the JDK's
 * consumer API was the bound of the whole analysis, so {@link AllocationSampleReader} decodes them straight from the
 * file on a second thread, with the same results, while the JDK's parser reads every other type; anything the
 * decoder does not know sends the samples back to the JDK's parser ({@link SampleReading}, docs/jfr.md, Speed).
 *
 * <p>Instances are immutable and reusable; each {@link #analyze} creates fresh aggregators.
 */
public final class JfrAnalyzer {

    /**
     * Default number of aggregating threads: one per core but one, which is left to the reader thread (parsing is
     * about a third of the work) and to the JIT compiler; at least 1, at most 4. On 2 cores: 1 worker, which then
     * also parses (no reader thread).
     */
    static final int DEFAULT_WORKERS =
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));

    /**
     * How allocation samples are read by default; from the system property {@code veltrix.jfr.samples} ({@code auto},
     * {@code thread}, {@code inline} or {@code jdk}), for measurements and as an escape hatch.
     */
    static final SampleReading DEFAULT_SAMPLE_READING = SampleReading.of(System.getProperty("veltrix.jfr.samples"));

    /**
     * Below this share of the event bytes in the first MB of a file's first chunk, allocation samples are left to the
     * JDK's parser: decoding them ourselves means reading the file twice, which costs more than it saves when samples are
     * few. Measured (docs/jfr.md, Speed): on a {@code profile}-settings recording where samples were 0.9 % of the
     * bytes the decoder added about 0.1 CPU-second to 1.0; where they were 78 %, it saved about half.
     */
    static final double MIN_SAMPLE_SHARE = 0.05;

    /** How {@code jdk.ObjectAllocationSample} events are read. */
    enum SampleReading {
        /**
         * Decoded by {@link AllocationSampleReader} if they are at least {@link #MIN_SAMPLE_SHARE} of the first
         * chunk: on a thread of its own when there are two cores or more, else inline; otherwise by the JDK's parser.
         */
        AUTO,
        /** Decoded by {@link AllocationSampleReader} on a thread of its own while the JDK's parser reads the rest. */
        THREAD,
        /** Decoded by {@link AllocationSampleReader} on the calling thread, before the JDK's parser reads the rest. */
        INLINE,
        /** Read by the JDK's parser, like every other type. */
        JDK;

        static SampleReading of(String value) {
            if (value == null || value.isBlank()) {
                return AUTO;
            }
            return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "thread" -> THREAD;
                case "inline" -> INLINE;
                case "jdk" -> JDK;
                default -> AUTO;
            };
        }
    }

    private static final System.Logger LOG = System.getLogger(JfrAnalyzer.class.getName());

    private final List<EventAggregator.Factory> factories;
    private final AnalysisOptions options;
    private final int workers;
    private final SampleReading sampleReading;

    private JfrAnalyzer(
            List<EventAggregator.Factory> factories,
            AnalysisOptions options,
            int workers,
            SampleReading sampleReading) {
        this.factories = List.copyOf(factories);
        this.options = Objects.requireNonNull(options, "options");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        this.workers = workers;
        this.sampleReading = Objects.requireNonNull(sampleReading, "sampleReading");
    }

    /** The built-in aggregators: JVM, CPU, GC, allocation, execution samples, lock contention. */
    public static JfrAnalyzer standard() {
        return new JfrAnalyzer(
                List.of(
                        JvmInfoAggregator::new,
                        CpuLoadAggregator::new,
                        GcAggregator::new,
                        AllocationAggregator::new,
                        ExecutionSampleAggregator::new,
                        LockContentionAggregator::new,
                        EngineEventsAggregator::new),
                AnalysisOptions.DEFAULTS,
                DEFAULT_WORKERS,
                DEFAULT_SAMPLE_READING);
    }

    /** An analyzer with only the given aggregators (the recording and settings sections are always produced). */
    public static JfrAnalyzer of(List<EventAggregator.Factory> factories) {
        return new JfrAnalyzer(factories, AnalysisOptions.DEFAULTS, DEFAULT_WORKERS, DEFAULT_SAMPLE_READING);
    }

    /** This analyzer plus one more aggregator, whose section comes after the others. */
    public JfrAnalyzer with(EventAggregator.Factory factory) {
        List<EventAggregator.Factory> more = new ArrayList<>(factories);
        more.add(Objects.requireNonNull(factory, "factory"));
        return new JfrAnalyzer(more, options, workers, sampleReading);
    }

    /** This analyzer with other limits. */
    public JfrAnalyzer withOptions(AnalysisOptions newOptions) {
        return new JfrAnalyzer(factories, newOptions, workers, sampleReading);
    }

    /**
     * This analyzer with {@code count} aggregating threads (at least 1); used only when every aggregator is a
     * {@link MergeableAggregator}. The result does not depend on the count.
     */
    public JfrAnalyzer withWorkers(int count) {
        return new JfrAnalyzer(factories, options, count, sampleReading);
    }

    /** This analyzer reading allocation samples the given way; the result does not depend on it. */
    JfrAnalyzer withSampleReading(SampleReading reading) {
        return new JfrAnalyzer(factories, options, workers, reading);
    }

    /**
     * Analyses {@code files} as parts of one recording.
     *
     * @return the analysis; {@link JfrAnalysis#partial()} tells whether some file could be read only in part
     * @throws JfrInputException if a file is missing, unreadable, not a recording, or has no complete chunk;
     *     nothing is analysed then
     * @throws IOException if reading fails after the files were checked
     * @throws AggregatorFailure if an aggregator throws (a bug, not bad input)
     */
    public JfrAnalysis analyze(List<Path> files) throws JfrInputException, IOException {
        if (files.isEmpty()) {
            throw new JfrInputException(List.of("no recording file given"));
        }
        List<RecordingLayout> layouts = check(files);
        long startNanos = System.nanoTime();
        List<Worker> workers = createWorkers();
        List<EventDispatch> dispatches = workers.stream().map(Worker::dispatch).toList();
        AllocationAggregator decodeInto = decodingTarget(workers.get(0));
        List<FileReport> reports = new ArrayList<>();
        for (RecordingLayout layout : layouts) {
            reports.add(stream(layout, dispatches, decodeInto));
        }
        Worker first = workers.get(0);
        for (Worker other : workers.subList(1, workers.size())) {
            first.merge(other);
        }
        EventDispatch dispatch = first.dispatch();
        List<EventAggregator> aggregators = first.aggregators();
        boolean partial = reports.stream().anyMatch(r -> !r.complete());
        EventSettings settings = dispatch.settings();
        AnalysisContext context =
                new AnalysisContext(dispatch.firstEvent(), dispatch.lastEvent(), settings, options, partial);
        List<ReportSection> sections = new ArrayList<>();
        for (EventAggregator aggregator : aggregators) {
            try {
                sections.add(aggregator.finish(context));
            } catch (RuntimeException e) {
                throw new AggregatorFailure(aggregator, e);
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        RecordingSummary recording = new RecordingSummary(reports, layouts, context, dispatch.eventsRead(), elapsed);
        SettingsSummary settingsSummary = new SettingsSummary(dispatch.eventTypes(), settings);
        List<ReportSection> all = new ArrayList<>();
        all.add(recording);
        all.add(settingsSummary);
        all.addAll(sections);
        return new JfrAnalysis(reports, context, all);
    }

    private static List<RecordingLayout> check(List<Path> files) throws JfrInputException {
        List<RecordingLayout> layouts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            if (!Files.exists(file)) {
                problems.add(file + ": no such file");
            } else if (Files.isDirectory(file)) {
                problems.add(file + ": is a directory; give the recording files (*.jfr) in it");
            } else if (!Files.isReadable(file)) {
                problems.add(file + ": not readable (permission denied)");
            } else {
                try {
                    RecordingLayout layout = RecordingLayout.scan(file);
                    if (layout.usable()) {
                        layouts.add(layout);
                    } else {
                        problems.add(file + ": " + layout.problem()
                                + (layout.status() == RecordingLayout.Status.UNUSABLE
                                        ? "; nothing readable: no chunk of it is complete"
                                        : ""));
                    }
                } catch (IOException e) {
                    problems.add(file + ": cannot be read: " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new JfrInputException(problems);
        }
        return layouts;
    }

    /** One worker's aggregators and dispatch. */
    private record Worker(List<EventAggregator> aggregators, EventDispatch dispatch) {

        @SuppressWarnings({"unchecked", "rawtypes"})
        void merge(Worker other) {
            dispatch.merge(other.dispatch);
            for (int i = 0; i < aggregators.size(); i++) {
                EventAggregator aggregator = aggregators.get(i);
                try {
                    ((MergeableAggregator) aggregator).merge((MergeableAggregator) other.aggregators.get(i));
                } catch (RuntimeException e) {
                    throw new AggregatorFailure(aggregator, e);
                }
            }
        }
    }

    /**
     * One worker per core (at most {@link #workers}), each with fresh aggregators; a single worker when some
     * aggregator is not a {@link MergeableAggregator} or when workers would subscribe differently.
     */
    private List<Worker> createWorkers() {
        List<Worker> all = new ArrayList<>();
        all.add(createWorker());
        boolean mergeable = all.get(0).aggregators().stream().allMatch(a -> a instanceof MergeableAggregator);
        for (int i = 1; mergeable && i < workers; i++) {
            Worker worker = createWorker();
            if (!worker.dispatch().eventTypes().equals(all.get(0).dispatch().eventTypes())) {
                return List.of(all.get(0));
            }
            all.add(worker);
        }
        return all;
    }

    private Worker createWorker() {
        List<EventAggregator> aggregators = new ArrayList<>();
        EventDispatch dispatch = new EventDispatch();
        for (EventAggregator.Factory factory : factories) {
            EventAggregator aggregator = factory.create(options);
            aggregator.subscribe((type, handler) -> dispatch.on(type, aggregator, handler));
            aggregators.add(aggregator);
        }
        return new Worker(aggregators, dispatch);
    }

    /**
     * The aggregator that allocation samples decoded by {@link AllocationSampleReader} are merged into: the
     * {@link AllocationAggregator} of the first worker, if it is the only subscriber of the samples (another
     * subscriber needs the JDK's events); null to read samples with the JDK's parser.
     */
    private AllocationAggregator decodingTarget(Worker first) {
        if (sampleReading == SampleReading.JDK) {
            return null;
        }
        List<EventAggregator> subscribers = first.dispatch().subscribers(AllocationAggregator.SAMPLE);
        return subscribers.size() == 1 && subscribers.get(0) instanceof AllocationAggregator allocation
                ? allocation
                : null;
    }

    private FileReport stream(RecordingLayout layout, List<EventDispatch> dispatches, AllocationAggregator decodeInto)
            throws IOException {
        Path source = layout.file();
        Path prefix = null;
        if (layout.status() == RecordingLayout.Status.PARTIAL) {
            // EventStream reads whole files only; give it the complete chunks.
            prefix = copyPrefix(layout);
            source = prefix;
        }
        String parseProblem;
        try {
            parseProblem = decodeInto == null
                    ? new ParallelReader(dispatches).read(source)
                    : readDecodingSamples(layout, source, dispatches, decodeInto);
        } finally {
            if (prefix != null) {
                Files.deleteIfExists(prefix);
            }
        }
        if (parseProblem != null) {
            parseProblem += "; figures cover the events read before that";
        }
        String problem = layout.problem();
        if (parseProblem != null) {
            problem = problem == null ? parseProblem : problem + "; " + parseProblem;
        }
        RecordingLayout.Status status = problem == null ? layout.status() : RecordingLayout.Status.PARTIAL;
        return new FileReport(
                layout.file(), layout.fileBytes(), layout.chunks().size(), layout.usableBytes(), status, problem);
    }

    /**
     * Reads {@code layout}'s file with allocation samples decoded by {@link AllocationSampleReader} (on a thread of
     * its own, or first on this one) and every other type by the JDK's parser; merges the decoded samples into
     * {@code decodeInto} and the first dispatch. If the decoder refuses a chunk or fails, or the JDK's parser stopped
     * early, the samples are read again by the JDK's parser alone, so the results are those of the JDK's reading.
     *
     * @return what stopped the JDK's parser, or null
     */
    private String readDecodingSamples(
            RecordingLayout layout, Path source, List<EventDispatch> dispatches, AllocationAggregator decodeInto)
            throws IOException {
        String sample = AllocationAggregator.SAMPLE;
        double share = AllocationSampleReader.sampleShare(layout);
        if (share < 0 || (sampleReading == SampleReading.AUTO && share < MIN_SAMPLE_SHARE)) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "{0}: allocation samples read by the JDK''s parser ({1})",
                    layout.file(),
                    share < 0 ? "the decoder can''t read its first chunk" : "samples are " + share + " of the bytes");
            return new ParallelReader(dispatches).read(source);
        }
        SampleReading how = sampleReading != SampleReading.AUTO
                ? sampleReading
                : Runtime.getRuntime().availableProcessors() > 1 ? SampleReading.THREAD : SampleReading.INLINE;
        FutureTask<AllocationSampleReader> decoding =
                new FutureTask<>(() -> new AllocationSampleReader(layout, options).read());
        String problem;
        if (how == SampleReading.INLINE) {
            decoding.run();
            problem = new ParallelReader(dispatches, type -> !type.equals(sample)).read(source);
        } else {
            Thread thread = new Thread(decoding, "veltrix-jfr-allocation-samples");
            thread.setDaemon(true);
            thread.start();
            try {
                problem = new ParallelReader(dispatches, type -> !type.equals(sample)).read(source);
            } catch (IOException | RuntimeException | Error e) {
                decoding.cancel(true);
                throw e;
            }
        }
        AllocationSampleReader decoded = null;
        try {
            decoded = decoding.get();
        } catch (InterruptedException e) {
            decoding.cancel(true);
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading " + layout.file());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "{0}: allocation samples read again by the JDK''s parser, the decoder stopped with {1}",
                    layout.file(),
                    e.getCause());
        }
        if (decoded == null || problem != null) {
            String again = new ParallelReader(dispatches, sample::equals).read(source);
            return problem != null ? problem : again;
        }
        try {
            decodeInto.merge(decoded.aggregator());
        } catch (RuntimeException e) {
            throw new AggregatorFailure(decodeInto, e);
        }
        dispatches.get(0).addDecoded(sample, decoded.count(), decoded.first(), decoded.last());
        return null;
    }

    private static Path copyPrefix(RecordingLayout layout) throws IOException {
        Path prefix = Files.createTempFile("veltrix-jfr-prefix-", ".jfr");
        try (FileChannel in = FileChannel.open(layout.file(), StandardOpenOption.READ);
                FileChannel out = FileChannel.open(prefix, StandardOpenOption.WRITE)) {
            long copied = 0;
            while (copied < layout.usableBytes()) {
                long n = in.transferTo(copied, layout.usableBytes() - copied, out);
                if (n <= 0) {
                    throw new IOException("could not copy the complete chunks of " + layout.file());
                }
                copied += n;
            }
        } catch (IOException e) {
            Files.deleteIfExists(prefix);
            throw e;
        }
        return prefix;
    }
}
