package io.veltrix.engine;

/** The failure recorded for an attempt that a circuit breaker failed fast. Shared, stackless: costs nothing. */
public final class CircuitOpenException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final CircuitOpenException INSTANCE = new CircuitOpenException();

    private CircuitOpenException() {
        super("circuit breaker open", null, false, false);
    }
}
