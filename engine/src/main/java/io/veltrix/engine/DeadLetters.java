package io.veltrix.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The dead-letter sinks: a bounded in-memory ring (the newest {@code capacity} letters; older ones leave memory,
 * never the counts) and an optional {@link DeadLetterFileSink}. Adding is the failure path, so it may allocate.
 */
final class DeadLetters implements AutoCloseable {
    private final int capacity;
    private final ArrayDeque<DeadLetter> recent;
    private final DeadLetterFileSink file;
    /** Wall clock minus monotonic clock, to turn nanoTime stamps into instants. */
    private final long epochOffsetNanos;

    DeadLetters(int capacity, Path file, NanoClock clock) {
        this.capacity = capacity;
        this.recent = new ArrayDeque<>(Math.min(capacity, 1024));
        this.file = file == null ? null : new DeadLetterFileSink(file);
        this.epochOffsetNanos = System.currentTimeMillis() * 1_000_000L - clock.nanoTime();
    }

    void add(EventSlot slot, DeadLetterReason reason, NanoClock clock) {
        if (capacity == 0 && file == null) {
            return;
        }
        DeadLetter letter = new DeadLetter(
                slot.type.name(),
                slot.type.tier(),
                slot.payload,
                slot.tag,
                slot.attempt,
                reason,
                describe(slot.firstFailure),
                describe(slot.lastFailure),
                instant(slot.intendedNanos),
                instant(slot.firstFailureNanos),
                instant(slot.lastFailureNanos));
        if (capacity > 0) {
            synchronized (recent) {
                if (recent.size() == capacity) {
                    recent.pollFirst();
                }
                recent.addLast(letter);
            }
        }
        if (file != null) {
            file.offer(letter);
        }
    }

    /** The newest dead letters kept in memory, oldest first. */
    List<DeadLetter> recent() {
        synchronized (recent) {
            return new ArrayList<>(recent);
        }
    }

    DeadLetterFileStats fileStats() {
        return file == null ? null : file.stats();
    }

    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
    }

    private Instant instant(long nanos) {
        long epochNanos = nanos + epochOffsetNanos;
        return Instant.ofEpochSecond(
                Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    static String describe(Object failure) {
        if (failure == null) {
            return null;
        }
        if (failure instanceof Throwable t) {
            String message = t.getMessage();
            return message == null ? t.getClass().getName() : t.getClass().getName() + ": " + message;
        }
        return failure.toString();
    }
}
