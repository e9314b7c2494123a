package io.veltrix.reports.compare;

/** A results file that cannot be used: missing, unreadable, not JSON of the right shape, or of another schema. */
public final class BadResultsException extends Exception {
    private static final long serialVersionUID = 1L;

    BadResultsException(String message) {
        super(message);
    }

    BadResultsException(String message, Throwable cause) {
        super(message, cause);
    }
}
