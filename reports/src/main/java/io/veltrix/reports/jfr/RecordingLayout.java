package io.veltrix.reports.jfr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The chunks of a recording file, read from their headers alone, so that a truncated, unfinished or foreign file
 * is recognised before any event is parsed.
 *
 * <p>Why this exists: a JFR file is a sequence of self-contained chunks, each with a 68-byte header giving its size
 * and whether it is finished, and with its metadata and constant pools at its end. A chunk cut short can't be read
 * at all, but the chunks before it can. The JDK's {@code EventStream} stops quietly at such a chunk (it treats an
 * I/O error as the end of a live stream) and waits forever on a chunk that is still being written, so the analyser
 * checks headers itself and only streams the complete prefix.
 *
 * @param file the file scanned
 * @param fileBytes its size in bytes
 * @param chunks the complete, finished chunks from the start of the file, in file order
 * @param usableBytes bytes from the start of the file covered by {@code chunks}
 * @param status whether the file is a complete recording, a usable prefix, or nothing usable
 * @param problem what is wrong with the file, naming the chunk and byte offset; null when complete
 */
public record RecordingLayout(
        Path file, long fileBytes, List<Chunk> chunks, long usableBytes, Status status, String problem) {

    /** The size of a chunk header in bytes (JFR file format 1.x and 2.x). */
    static final int HEADER_BYTES = 68;

    private static final byte[] MAGIC = {'F', 'L', 'R', 0};

    /** What a file scan found. */
    public enum Status {
        /** Every chunk is present and finished. */
        COMPLETE,
        /** The first chunks are complete; a later one is cut short or unfinished. */
        PARTIAL,
        /** The file starts like a recording, but not even its first chunk is complete. */
        UNUSABLE,
        /** The file is empty or does not start with a JFR chunk header. */
        NOT_A_RECORDING
    }

    /**
     * One chunk of a recording.
     *
     * @param offset byte offset of the chunk in the file
     * @param bytes size of the chunk in bytes, header included
     * @param start when the chunk began (wall clock)
     * @param duration how long the chunk was recorded
     */
    public record Chunk(long offset, long bytes, Instant start, Duration duration) {
        /** When the chunk ended. */
        public Instant end() {
            return start.plus(duration);
        }
    }

    /**
     * Reads every chunk header of {@code file}.
     *
     * @throws IOException if the file can't be opened or read
     */
    public static RecordingLayout scan(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            List<Chunk> chunks = new ArrayList<>();
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            long offset = 0;
            while (offset < size) {
                header.clear();
                int read = readFully(channel, header, offset);
                String where = "chunk " + (chunks.size() + 1) + " at byte " + offset;
                if (!startsWithMagic(header, read)) {
                    if (chunks.isEmpty()) {
                        return notARecording(file, size, header, read);
                    }
                    String what = read < MAGIC.length
                            ? " is cut short: only " + read + " of its " + HEADER_BYTES + " header bytes remain"
                            : " has no chunk header (corrupt file)";
                    return withProblem(file, size, chunks, offset, Status.PARTIAL, where + what);
                }
                if (read < HEADER_BYTES) {
                    return withProblem(
                            file,
                            size,
                            chunks,
                            offset,
                            null,
                            where + " is cut short: only " + read + " of its " + HEADER_BYTES + " header bytes remain");
                }
                int major = header.getShort(4);
                int minor = header.getShort(6);
                if (major != 1 && major != 2) {
                    return withProblem(
                            file,
                            size,
                            chunks,
                            offset,
                            null,
                            where + " has file format version " + major + "." + minor
                                    + "; JDK 17+ reads versions 1.x and 2.x only");
                }
                long chunkBytes = header.getLong(8);
                long constantPools = header.getLong(16);
                long metadata = header.getLong(24);
                byte fileState = header.get(64);
                if (fileState != 0 || metadata <= 0 || chunkBytes <= HEADER_BYTES) {
                    return withProblem(
                            file,
                            size,
                            chunks,
                            offset,
                            null,
                            where + " is unfinished (its header says it is still being written; was the file copied"
                                    + " from a running recording? Use jcmd <pid> JFR.dump to get a finished copy)");
                }
                if (offset + chunkBytes > size) {
                    return withProblem(
                            file,
                            size,
                            chunks,
                            offset,
                            null,
                            where + " is cut short: it declares " + chunkBytes + " bytes but only " + (size - offset)
                                    + " remain in the file (truncated copy or crash?)");
                }
                if (constantPools >= chunkBytes || metadata >= chunkBytes) {
                    return withProblem(
                            file,
                            size,
                            chunks,
                            offset,
                            null,
                            where + " is corrupt: its metadata or constant pool offset lies outside the chunk");
                }
                Instant start = Instant.ofEpochSecond(0, header.getLong(32));
                Duration duration = Duration.ofNanos(header.getLong(40));
                chunks.add(new Chunk(offset, chunkBytes, start, duration));
                offset += chunkBytes;
            }
            if (chunks.isEmpty()) {
                return new RecordingLayout(
                        file, 0, List.of(), 0, Status.NOT_A_RECORDING, "the file is empty (0 bytes)");
            }
            return new RecordingLayout(file, size, List.copyOf(chunks), size, Status.COMPLETE, null);
        }
    }

    /** Whether there is anything to read: at least one complete chunk. */
    public boolean usable() {
        return status == Status.COMPLETE || status == Status.PARTIAL;
    }

    /** The time span of the usable chunks, from the chunk headers; null when there are none. */
    public Instant chunkStart() {
        return chunks.stream().map(Chunk::start).min(Instant::compareTo).orElse(null);
    }

    /** The end of the last usable chunk, from the chunk headers; null when there are none. */
    public Instant chunkEnd() {
        return chunks.stream().map(Chunk::end).max(Instant::compareTo).orElse(null);
    }

    private static int readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static boolean startsWithMagic(ByteBuffer header, int read) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= read || header.get(i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static RecordingLayout notARecording(Path file, long size, ByteBuffer header, int read) {
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < Math.min(read, 8); i++) {
            first.append(String.format("%02x ", header.get(i) & 0xff));
        }
        String problem = "not a JDK Flight Recorder recording: it starts with bytes "
                + first.toString().trim() + " where a recording starts with 46 4c 52 00 (\"FLR\\0\")";
        return new RecordingLayout(file, size, List.of(), 0, Status.NOT_A_RECORDING, problem);
    }

    private static RecordingLayout withProblem(
            Path file, long size, List<Chunk> chunks, long offset, Status status, String problem) {
        Status effective = status != null ? status : chunks.isEmpty() ? Status.UNUSABLE : Status.PARTIAL;
        return new RecordingLayout(file, size, List.copyOf(chunks), offset, effective, problem);
    }
}
