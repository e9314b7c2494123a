package io.veltrix.scenarios.model;

import java.util.Locale;

/** What handling an event does with its service time. */
public enum ServiceKind {
    /** Burns CPU for the service time (a busy loop on the worker). */
    CPU,
    /** Waits for the service time without using CPU (like a call to a downstream service). */
    IO;

    /** The spelling in scenario files. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
