package io.veltrix.reports.merge;

/** Runs that cannot be merged: a file is missing or damaged, the runs differ, or one was given twice. */
public final class MergeException extends Exception {
    private static final long serialVersionUID = 1L;

    public MergeException(String message) {
        super(message);
    }

    public MergeException(String message, Throwable cause) {
        super(message, cause);
    }
}
