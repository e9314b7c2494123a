package io.veltrix.reports.jfr;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.MetadataEvent;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Reads one recording file: with several workers, a reader thread runs the JDK's parser ({@link EventStream}, only the
 * subscribed event types, unordered) and hands events in batches to the workers, each with its own
 * {@link EventDispatch} and aggregators, the calling thread being worker 0; with one worker, everything runs on the
 * calling thread.
 *
 * <p>Why: reading a field of a {@link jdk.jfr.consumer.RecordedEvent} is a lookup by name, so aggregating costs
 * more than parsing; with one reader and a worker per core the analysis uses every core. The queue holds at most
 * {@value #QUEUE_BATCHES_PER_WORKER} batches of {@value #BATCH_EVENTS} events per worker, which bounds memory
 * whatever the file size. Events are not reused by the parser and their values (constant pools) are resolved before
 * any event of a chunk is parsed, so an event is immutable once handed over; the queue publishes it safely. Each
 * batch carries the metadata in force for its events, so every worker resolves {@code jdk.ActiveSetting} ids with
 * the right chunk's metadata whatever batches it gets.
 */
final class ParallelReader {

    static final int BATCH_EVENTS = 1024;
    static final int QUEUE_BATCHES_PER_WORKER = 4;

    private static final class Batch {
        final RecordedEvent[] events = new RecordedEvent[BATCH_EVENTS];
        final int[] routes = new int[BATCH_EVENTS];
        final MetadataEvent metadata;
        int size;
        boolean last;

        Batch(MetadataEvent metadata) {
            this.metadata = metadata;
        }
    }

    private final List<EventDispatch> workers;
    private final Predicate<String> wanted;

    /** @param workers one dispatch per worker, all with the same subscriptions; the first runs on the caller */
    ParallelReader(List<EventDispatch> workers) {
        this(workers, type -> true);
    }

    /**
     * @param workers one dispatch per worker, all with the same subscriptions; the first runs on the caller
     * @param wanted which of the subscribed event types to read (the others are read elsewhere, or not at all)
     */
    ParallelReader(List<EventDispatch> workers, Predicate<String> wanted) {
        this.workers = List.copyOf(workers);
        this.wanted = wanted;
    }

    /**
     * Streams {@code file} through the workers.
     *
     * @return null when the parser read to the end; otherwise what stopped it
     * @throws AggregatorFailure if an aggregator threw
     * @throws IOException if the file can't be opened, or the calling thread was interrupted
     */
    String read(Path file) throws IOException {
        if (workers.size() == 1) {
            return readInline(file);
        }
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES_PER_WORKER * workers.size());
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        AtomicReference<AggregatorFailure> failure = new AtomicReference<>();
        EventStream stream = EventStream.openFile(file);
        Thread reader = new Thread(() -> produce(stream, queue, readerFailure), "veltrix-jfr-reader");
        reader.setDaemon(true);
        reader.start();
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < workers.size(); i++) {
            EventDispatch worker = workers.get(i);
            Thread helper = new Thread(() -> consume(worker, queue, stream, failure), "veltrix-jfr-worker-" + i);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        boolean interrupted = consume(workers.get(0), queue, stream, failure);
        interrupted |= joinAll(reader, helpers);
        stream.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + file);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        Throwable stopped = readerFailure.get();
        if (stopped instanceof Error error) {
            throw error;
        }
        return stopped == null ? null : "the JDK's parser stopped with " + stopped;
    }

    /**
     * With a single worker, parses and aggregates on the calling thread with event objects reused: on two cores this
     * beats a reader thread, because the JIT compiler already keeps the second core busy for the first seconds and
     * handing events over costs an allocation per event (measured: about a quarter less CPU; docs/jfr.md, Speed).
     */
    private String readInline(Path file) throws IOException {
        EventDispatch dispatch = workers.get(0);
        try (EventStream stream = EventStream.openFile(file)) {
            stream.setOrdered(false);
            stream.setReuse(true);
            stream.onMetadata(dispatch::onMetadata);
            List<EventDispatch.Route> routes = dispatch.routes();
            AtomicReference<AggregatorFailure> failure = new AtomicReference<>();
            for (EventDispatch.Route route : routes) {
                if (!wanted.test(route.eventType())) {
                    continue;
                }
                stream.onEvent(route.eventType(), event -> {
                    try {
                        route.dispatch(event);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, AggregatorFailure.of(e));
                        stream.close();
                    }
                });
            }
            try {
                stream.start();
            } catch (RuntimeException e) {
                return "the JDK's parser stopped with " + e;
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            return null;
        }
    }

    /**
     * Runs one worker until its end marker. It always drains to the end, even after a failure or an interrupt, so
     * the reader never blocks on a full queue.
     *
     * @return whether the thread was interrupted meanwhile
     */
    private static boolean consume(
            EventDispatch dispatch,
            BlockingQueue<Batch> queue,
            EventStream stream,
            AtomicReference<AggregatorFailure> failure) {
        boolean interrupted = false;
        MetadataEvent seen = null;
        while (true) {
            Batch batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                interrupted = true;
                stream.close();
                continue;
            }
            if (batch.last) {
                return interrupted;
            }
            if (failure.get() != null || interrupted) {
                continue;
            }
            try {
                if (batch.metadata != null && batch.metadata != seen) {
                    dispatch.onMetadata(batch.metadata);
                    seen = batch.metadata;
                }
                for (int i = 0; i < batch.size; i++) {
                    dispatch.route(batch.routes[i]).dispatch(batch.events[i]);
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, AggregatorFailure.of(e));
                stream.close();
            }
        }
    }

    /** Runs on the reader thread: parses, batches, and finally puts one end marker per worker. */
    private void produce(EventStream stream, BlockingQueue<Batch> queue, AtomicReference<Throwable> failure) {
        Batch[] current = {new Batch(null)};
        try {
            stream.setOrdered(false);
            stream.setReuse(false);
            stream.onMetadata(metadata -> {
                // Events after this point need this metadata: start a batch that carries it.
                flush(current, queue);
                current[0] = new Batch(metadata);
            });
            List<EventDispatch.Route> routes = workers.get(0).routes();
            for (int i = 0; i < routes.size(); i++) {
                if (!wanted.test(routes.get(i).eventType())) {
                    continue;
                }
                int index = i;
                stream.onEvent(routes.get(i).eventType(), event -> {
                    Batch batch = current[0];
                    batch.events[batch.size] = event;
                    batch.routes[batch.size] = index;
                    if (++batch.size == BATCH_EVENTS) {
                        flush(current, queue);
                    }
                });
            }
            stream.start();
        } catch (Throwable t) {
            failure.set(t);
        }
        flush(current, queue);
        for (int i = 0; i < workers.size(); i++) {
            Batch end = new Batch(null);
            end.last = true;
            put(queue, end);
        }
    }

    private static void flush(Batch[] current, BlockingQueue<Batch> queue) {
        Batch batch = current[0];
        if (batch.size > 0) {
            put(queue, batch);
            current[0] = new Batch(batch.metadata);
        }
    }

    private static void put(BlockingQueue<Batch> queue, Batch batch) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(batch);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean joinAll(Thread reader, List<Thread> helpers) {
        boolean interrupted = false;
        List<Thread> all = new ArrayList<>(helpers);
        all.add(reader);
        for (Thread t : all) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        return interrupted;
    }
}
