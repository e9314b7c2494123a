package io.veltrix.reports.jfr;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Reads the {@code jdk.ObjectAllocationSample} events of one recording file with {@link ChunkDecoder} into an
 * {@link AllocationAggregator} of its own, chunk by chunk (only the complete chunks {@link RecordingLayout} found),
 * while the JDK's parser reads every other event type (docs/jfr.md, Speed).
 *
 * <p>Each distinct class, stack trace and thread key of a chunk is resolved once, to its table handle or thread
 * state, as the JDK path does per distinct object; the aggregator then applies the same rules to both.
 */
final class AllocationSampleReader implements ChunkDecoder.Sink {

    private final RecordingLayout layout;
    private final AllocationAggregator aggregator;
    // Per chunk: key to handle or state.
    private final LongMap<TopCounter.Handle<String>> classes = new LongMap<>(1024);
    private final LongMap<TopCounter.Handle<String>> sites = new LongMap<>(4096);
    private final LongMap<AllocationAggregator.ThreadState> threads = new LongMap<>(64);
    private long lastThreadKey = -1;
    private AllocationAggregator.ThreadState lastThread;
    private long count;
    private long firstNanos = Long.MAX_VALUE;
    private long lastNanos = Long.MIN_VALUE;

    AllocationSampleReader(RecordingLayout layout, AnalysisOptions options) {
        this.layout = layout;
        this.aggregator = new AllocationAggregator(options);
    }

    /** How much of the first chunk {@link #sampleShare} looks at: 1 MB. */
    static final int SHARE_BYTES = 1 << 20;

    /**
     * Checks that the first chunk can be decoded (its header and metadata) and returns the share of its first
     * {@value #SHARE_BYTES} bytes of events that are allocation samples, from 0 to 1; -1 when the decoder can't read
     * that chunk. A later chunk may still be refused by {@link #read}.
     */
    static double sampleShare(RecordingLayout layout) {
        try (FileChannel channel = FileChannel.open(layout.file(), StandardOpenOption.READ)) {
            return ChunkDecoder.sampleShare(channel, layout.chunks().get(0), SHARE_BYTES);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Decodes every allocation sample of the file's complete chunks.
     *
     * @return this, with {@link #aggregator()}, {@link #count()} and the time window of the samples
     * @throws UnsupportedChunkException if a chunk can't be decoded (the file must be read the JDK's way)
     * @throws IOException if reading fails
     */
    AllocationSampleReader read() throws IOException {
        scan(layout, this);
        return this;
    }

    /**
     * Whether the JDK's parser converts the ticks of every chunk of a file with the first chunk's start (JDK 25 on,
     * JDK-8351064 "JFR: Consistent timestamps"); before, with the start of the chunk where the metadata last changed
     * (its event parsers are kept, with their time converter, as long as the metadata id stays the same). Both
     * differ from converting each chunk with its own start by up to a microsecond or so, which would change the
     * time window and the first-sample rule's order. It is the JDK that runs the analysis that counts, not the one
     * that recorded.
     */
    static final boolean FIRST_CHUNK_TIMES = Runtime.version().feature() >= 25;

    /**
     * Decodes every allocation sample of {@code layout}'s complete chunks into {@code sink}, in file order, with
     * times as the JDK's parser gives them.
     *
     * @throws UnsupportedChunkException if a chunk can't be decoded
     * @throws IOException if reading fails
     */
    static void scan(RecordingLayout layout, ChunkDecoder.Sink sink) throws IOException {
        try (FileChannel channel = FileChannel.open(layout.file(), StandardOpenOption.READ)) {
            ChunkMetadata metadata = null;
            ChunkDecoder times = null;
            for (RecordingLayout.Chunk chunk : layout.chunks()) {
                ChunkDecoder decoder = ChunkDecoder.open(channel, chunk, metadata);
                boolean newMetadata = decoder.metadata() != metadata;
                metadata = decoder.metadata();
                if (times == null || (newMetadata && !FIRST_CHUNK_TIMES)) {
                    times = decoder;
                } else {
                    decoder.useTimesOf(times);
                }
                sink.chunk(decoder);
                decoder.scan(sink);
            }
        }
    }

    @Override
    public void chunk(ChunkDecoder chunk) {
        classes.clear();
        sites.clear();
        threads.clear();
        lastThreadKey = -1;
        lastThread = null;
    }

    @Override
    public void sample(
            ChunkDecoder chunk,
            long startTicks,
            long endTicks,
            long weight,
            long classKey,
            long stackKey,
            long threadKey) {
        long start = chunk.nanos(startTicks);
        long end = endTicks == startTicks ? start : chunk.nanos(endTicks);
        count++;
        if (start < firstNanos) {
            firstNanos = start;
        }
        if (end > lastNanos) {
            lastNanos = end;
        }
        TopCounter.Handle<String> type = classes.get(classKey);
        if (type == null) {
            type = aggregator.classHandle(chunk.className(classKey));
            classes.put(classKey, type);
        }
        TopCounter.Handle<String> site = sites.get(stackKey);
        if (site == null) {
            site = aggregator.siteHandle(chunk.topSite(stackKey));
            sites.put(stackKey, site);
        }
        AllocationAggregator.ThreadState thread;
        if (threadKey == lastThreadKey) {
            thread = lastThread;
        } else {
            thread = threads.get(threadKey);
            if (thread == null) {
                thread = aggregator.threadState(chunk.thread(threadKey));
                threads.put(threadKey, thread);
            }
            lastThreadKey = threadKey;
            lastThread = thread;
        }
        aggregator.onSample(start, weight, type, site, thread);
    }

    AllocationAggregator aggregator() {
        return aggregator;
    }

    long count() {
        return count;
    }

    /** The earliest sample start, or null when there was no sample. */
    Instant first() {
        return count == 0 ? null : Instant.ofEpochSecond(0, firstNanos);
    }

    /** The latest sample end, or null when there was no sample. */
    Instant last() {
        return count == 0 ? null : Instant.ofEpochSecond(0, lastNanos);
    }
}
