package io.veltrix.reports.jfr;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.MetadataEvent;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Reads one recording file on two threads: a reader thread runs the JDK's parser ({@link EventStream}, only the
 * subscribed event types, unordered), and the calling thread runs the aggregators, in file order.
 *
 * <p>Why two threads: parsing and aggregating each take about half the time (reading a field of a
 * {@link RecordedEvent} is a lookup by name), so on two cores the pipeline nearly halves the wall time. Events pass
 * in batches through a queue of {@value #QUEUE_BATCHES} batches of {@value #BATCH_EVENTS}, which bounds memory
 * whatever the file size. Events are not reused by the parser, and their values (constant pools) are resolved
 * before any event of a chunk is parsed, so an event is immutable once handed over; the queue publishes it safely.
 */
final class PipelinedReader {

    static final int BATCH_EVENTS = 1024;
    static final int QUEUE_BATCHES = 8;

    /** Events and metadata in file order; a null route marks a metadata item. */
    private static final class Batch {
        final Object[] items = new Object[BATCH_EVENTS];
        final EventDispatch.Route[] routes = new EventDispatch.Route[BATCH_EVENTS];
        int size;
        boolean last;
        Throwable readerFailure;
    }

    private final EventDispatch dispatch;

    PipelinedReader(EventDispatch dispatch) {
        this.dispatch = dispatch;
    }

    /**
     * Streams {@code file} through the dispatch.
     *
     * @return null when the parser read to the end; otherwise what stopped it
     * @throws AggregatorFailure if an aggregator threw
     * @throws IOException if the file can't be opened, or the reading thread was interrupted
     */
    String read(Path file) throws IOException {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
        EventStream stream = EventStream.openFile(file);
        Thread reader = new Thread(() -> produce(stream, queue), "veltrix-jfr-reader");
        reader.setDaemon(true);
        reader.start();
        AggregatorFailure failure = null;
        Throwable readerFailure;
        try {
            while (true) {
                Batch batch = queue.take();
                if (failure == null) {
                    try {
                        consume(batch);
                    } catch (AggregatorFailure e) {
                        failure = e;
                        // Stop the parser; keep draining so it never blocks on a full queue.
                        stream.close();
                    }
                }
                if (batch.last) {
                    readerFailure = batch.readerFailure;
                    break;
                }
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stream.close();
            throw new InterruptedIOException("interrupted while reading " + file);
        } finally {
            stream.close();
        }
        if (failure != null) {
            throw failure;
        }
        if (readerFailure instanceof Error error) {
            throw error;
        }
        return readerFailure == null ? null : "the JDK's parser stopped with " + readerFailure;
    }

    private void consume(Batch batch) {
        for (int i = 0; i < batch.size; i++) {
            EventDispatch.Route route = batch.routes[i];
            if (route == null) {
                dispatch.onMetadata((MetadataEvent) batch.items[i]);
            } else {
                route.dispatch((RecordedEvent) batch.items[i]);
            }
        }
    }

    /** Runs on the reader thread. */
    private void produce(EventStream stream, BlockingQueue<Batch> queue) {
        Batch[] current = {new Batch()};
        Throwable failure = null;
        try {
            stream.setOrdered(false);
            stream.setReuse(false);
            stream.onMetadata(metadata -> add(current, queue, null, metadata));
            for (EventDispatch.Route route : dispatch.routes()) {
                stream.onEvent(route.eventType(), event -> add(current, queue, route, event));
            }
            stream.start();
        } catch (Throwable t) {
            failure = t;
        }
        Batch last = current[0];
        last.last = true;
        last.readerFailure = failure;
        putUninterruptibly(queue, last);
    }

    private static void add(Batch[] current, BlockingQueue<Batch> queue, EventDispatch.Route route, Object item) {
        Batch batch = current[0];
        batch.items[batch.size] = item;
        batch.routes[batch.size] = route;
        if (++batch.size == BATCH_EVENTS) {
            putUninterruptibly(queue, batch);
            current[0] = new Batch();
        }
    }

    private static void putUninterruptibly(BlockingQueue<Batch> queue, Batch batch) {
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
}
