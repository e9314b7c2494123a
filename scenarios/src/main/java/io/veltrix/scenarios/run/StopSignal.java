package io.veltrix.scenarios.run;

/**
 * Asks a running bench to stop early (Ctrl-C): the generator stops submitting, the engine drains briefly, and
 * what was measured is still returned, marked partial. Thread-safe; requesting twice is the same as once.
 */
public final class StopSignal {
    private volatile boolean requested;

    /** Asks the run to stop as soon as it can. */
    public void request() {
        requested = true;
    }

    /** Whether a stop was requested. */
    public boolean requested() {
        return requested;
    }
}
