package io.veltrix.reports.jfr;

import java.util.Objects;

/**
 * One column of a report table.
 *
 * @param key the JSON field name of the column in each row object (camelCase, unit suffix where it has one)
 * @param header the column header printed by the text format
 * @param unit what the column's values measure
 */
public record Column(String key, String header, Unit unit) {
    public Column {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(unit, "unit");
    }
}
