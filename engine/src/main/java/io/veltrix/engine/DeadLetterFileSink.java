package io.veltrix.engine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.MpscArrayQueue;

/**
 * Appends dead letters to a JSON-lines file from its own thread, so workers never wait for a disk. When the
 * hand-off queue is full the letter is dropped from the file (counted as {@code dropped}); when a write fails, the
 * letter is counted as {@code failed} and the error kept: never silent, always in the engine's snapshot.
 */
final class DeadLetterFileSink implements AutoCloseable {
    private static final int QUEUE_SIZE = 65_536;

    private final Path path;
    private final MpscArrayQueue<DeadLetter> queue = new MpscArrayQueue<>(QUEUE_SIZE);
    private final LongAdder written = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    DeadLetterFileSink(Path path) {
        this.path = path;
        this.thread = new Thread(this::run, "veltrix-dead-letters");
        thread.setDaemon(true);
        thread.start();
    }

    void offer(DeadLetter letter) {
        if (!queue.offer(letter)) {
            dropped.increment();
        }
    }

    /** Letters written to the buffer but not yet flushed: they count as written only once flushed. */
    private long buffered;

    private void run() {
        BufferedWriter out = null;
        while (running || !queue.isEmpty()) {
            DeadLetter letter = queue.poll();
            if (letter == null) {
                out = flush(out);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                continue;
            }
            try {
                if (out == null) {
                    out = Files.newBufferedWriter(
                            path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                out.write(letter.toJson());
                out.write('\n');
                buffered++;
            } catch (IOException | RuntimeException e) {
                failed.add(buffered + 1);
                buffered = 0;
                lastError.set(e.toString());
                out = closeQuietly(out);
            }
        }
        closeQuietly(flush(out));
    }

    private BufferedWriter flush(BufferedWriter out) {
        if (out == null) {
            return null;
        }
        try {
            out.flush();
            written.add(buffered);
            buffered = 0;
            return out;
        } catch (IOException e) {
            failed.add(buffered);
            buffered = 0;
            lastError.set(e.toString());
            return closeQuietly(out);
        }
    }

    private static BufferedWriter closeQuietly(BufferedWriter out) {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // Already counted as a failure by the caller; the next letter reopens the file.
            }
        }
        return null;
    }

    DeadLetterFileStats stats() {
        return new DeadLetterFileStats(path.toString(), written.sum(), dropped.sum(), failed.sum(), lastError.get());
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
