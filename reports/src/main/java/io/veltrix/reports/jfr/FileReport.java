package io.veltrix.reports.jfr;

import java.nio.file.Path;

/**
 * How much of one input file was analysed.
 *
 * @param file the file as given
 * @param bytes its size
 * @param chunks complete chunks read
 * @param readBytes bytes from the start of the file that were analysed (the complete chunks)
 * @param status complete, or partial (a usable prefix was analysed)
 * @param problem what was wrong, naming the chunk and byte offset; null when complete
 */
public record FileReport(
        Path file, long bytes, int chunks, long readBytes, RecordingLayout.Status status, String problem) {

    /** Whether the whole file was analysed. */
    public boolean complete() {
        return status == RecordingLayout.Status.COMPLETE && problem == null;
    }
}
