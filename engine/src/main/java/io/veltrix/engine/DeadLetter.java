package io.veltrix.engine;

import java.time.Instant;

/**
 * An event the engine gave up on, as kept by the in-memory dead-letter sink and written to the file sink.
 *
 * @param type the event type's name
 * @param tier the event type's tier
 * @param payload the payload (in memory only; the file sink writes {@code String.valueOf(payload)} when asked)
 * @param tag the submitter's tag
 * @param attempts attempts made, the first included
 * @param reason why the engine gave up
 * @param firstFailure the first attempt's failure, as text
 * @param lastFailure the last attempt's failure, as text
 * @param intendedAt when the event was meant to happen
 * @param firstFailureAt when the first attempt failed
 * @param lastFailureAt when the last attempt failed
 */
public record DeadLetter(
        String type,
        String tier,
        Object payload,
        long tag,
        int attempts,
        DeadLetterReason reason,
        String firstFailure,
        String lastFailure,
        Instant intendedAt,
        Instant firstFailureAt,
        Instant lastFailureAt) {

    /** The JSON line the file sink writes (no trailing newline). */
    public String toJson() {
        StringBuilder b = new StringBuilder(256);
        b.append("{\"type\":");
        Json.string(b, type);
        b.append(",\"tier\":");
        Json.string(b, tier);
        b.append(",\"tag\":").append(tag);
        b.append(",\"attempts\":").append(attempts);
        b.append(",\"reason\":");
        Json.string(b, reason.label());
        b.append(",\"first_failure\":");
        Json.string(b, firstFailure);
        b.append(",\"last_failure\":");
        Json.string(b, lastFailure);
        b.append(",\"intended_at\":");
        Json.string(b, intendedAt.toString());
        b.append(",\"first_failure_at\":");
        Json.string(b, firstFailureAt.toString());
        b.append(",\"last_failure_at\":");
        Json.string(b, lastFailureAt.toString());
        return b.append('}').toString();
    }
}
