package io.veltrix.reports.jfr;

/**
 * Thrown by the allocation-sample decoder when a chunk uses something it does not know (a format version, an
 * encoding, a field type, a missing field) or is inconsistent: the file is then read by the JDK's parser instead,
 * with the same results, only slower.
 */
final class UnsupportedChunkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnsupportedChunkException(String message) {
        super(message, null, false, false);
    }
}
