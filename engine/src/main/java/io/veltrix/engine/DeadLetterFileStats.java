package io.veltrix.engine;

/**
 * What the dead-letter file sink did.
 *
 * @param path the file
 * @param written letters written and flushed
 * @param dropped letters not written because the sink could not keep up
 * @param failed letters not written because a write failed
 * @param lastError the latest write error, or {@code null}
 */
public record DeadLetterFileStats(String path, long written, long dropped, long failed, String lastError) {}
