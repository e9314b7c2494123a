package io.veltrix.reports.jfr;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where a {@link ReportSection} writes its figures, independent of the output format. The text format prints
 * aligned label/value lines and tables; the JSON format writes one object per section whose fields are the
 * {@code key}s given here, in the order given.
 *
 * <p>Keys are camelCase and end with their unit where they have one ({@code Ms}, {@code Bytes}, {@code Percent},
 * {@code Seconds}, {@code BytesPerSecond}); they are part of the documented JSON format (docs/jfr.md), so a key,
 * once released, keeps its name and meaning.
 */
public interface SectionWriter {

    /**
     * Writes one figure.
     *
     * @param key JSON field name
     * @param label what the text format prints before the value
     * @param value a {@link Long}, {@link Integer}, {@link Double}, {@link String}, {@link Boolean} or
     *     {@link Instant}; never null (use {@link #missing})
     * @param unit what the value measures
     */
    void value(String key, String label, Object value, Unit unit);

    /**
     * Says that a figure could not be computed and why (typically: its event type was not enabled). JSON writes
     * {@code null} for the key and adds the reason to the section's {@code notes}.
     */
    void missing(String key, String label, String reason);

    /**
     * Writes a table. JSON writes an array of objects keyed by the columns' keys.
     *
     * @param rows each row holds one cell per column; a cell may be null when that figure is unknown
     */
    void table(String key, String title, List<Column> columns, List<List<Object>> rows);

    /** Adds a sentence that helps read the section's figures (JSON: appended to the section's {@code notes}). */
    void note(String text);

    /**
     * States that the section's figures are estimates and how they were estimated (JSON: the section's
     * {@code estimate} field; several calls are joined).
     */
    void estimate(String how);

    /** Writes a count. */
    default void count(String key, String label, long value) {
        value(key, label, value, Unit.COUNT);
    }

    /** Writes an amount of memory in bytes. */
    default void bytes(String key, String label, long value) {
        value(key, label, value, Unit.BYTES);
    }

    /** Writes a duration as milliseconds (key should end with {@code Ms}). */
    default void millis(String key, String label, Duration value) {
        value(key, label, value.toNanos() / 1_000_000.0, Unit.MILLISECONDS);
    }

    /** Writes a percentage, 0 to 100. */
    default void percent(String key, String label, double value) {
        value(key, label, value, Unit.PERCENT);
    }

    /** Writes text. */
    default void text(String key, String label, String value) {
        value(key, label, value, Unit.TEXT);
    }
}
