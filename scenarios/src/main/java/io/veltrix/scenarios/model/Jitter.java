package io.veltrix.scenarios.model;

import java.util.Locale;

/** How an exponential backoff delay is randomised, so retries of many events do not line up. */
public enum Jitter {
    /** The computed delay exactly. */
    NONE,
    /** Uniform in [0, delay]. */
    FULL,
    /** delay / 2 plus uniform in [0, delay / 2]. */
    EQUAL,
    /** Uniform in [base, previous delay * 3], capped. */
    DECORRELATED;

    /** The spelling in scenario files. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
