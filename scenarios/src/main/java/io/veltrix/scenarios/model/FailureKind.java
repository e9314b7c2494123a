package io.veltrix.scenarios.model;

import java.util.Locale;

/** How an injected failure behaves when the attempt is retried. */
public enum FailureKind {
    /** A retry may succeed: each attempt draws again. */
    TRANSIENT,
    /** Every attempt of this event fails: retrying only wastes work; it ends as a dead letter. */
    PERMANENT;

    /** The spelling in scenario files. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
