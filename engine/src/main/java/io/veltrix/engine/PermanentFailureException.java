package io.veltrix.engine;

/**
 * The marker for a failure that retrying cannot fix (a malformed event, a rejected business rule). A handler
 * that throws it, or any exception whose cause chain contains it, sends the event straight to the dead
 * letters without a retry.
 */
public class PermanentFailureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PermanentFailureException(String message) {
        super(message);
    }

    public PermanentFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
