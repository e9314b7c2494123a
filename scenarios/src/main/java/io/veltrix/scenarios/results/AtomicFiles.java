package io.veltrix.scenarios.results;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes files so that a reader sees either the old file or the whole new one: the content goes to a temporary file
 * in the same directory, which is then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Creates and fills the temporary file; the target is replaced only once this returned normally. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path temporary) throws IOException;
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, temporary -> Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW));
    }

    /**
     * A hidden temporary name next to {@code target} ({@code .<name>.<random>.tmp}), for a file written by someone
     * else (Flight Recorder) and then moved into place with {@link #publish}.
     */
    public static Path temporaryFor(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.getParent().resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
    }

    /** Moves a complete temporary file over {@code target} atomically (same directory). */
    public static void publish(Path temporary, Path target) throws IOException {
        try {
            Files.move(
                    temporary,
                    target.toAbsolutePath(),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + target + " atomically on this file system", e);
        }
    }

    /**
     * Lets {@code writer} create and fill a temporary file next to {@code target} (a hidden name ending in {@code
     * .tmp}), then moves it over the target atomically.
     * The temporary file is deleted if anything fails.
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        // A name nobody else uses, created by the writer (so it gets the usual permissions, not a temp file's).
        Path temporary = temporaryFor(absolute);
        boolean moved = false;
        try {
            writer.writeTo(temporary);
            publish(temporary, absolute);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
