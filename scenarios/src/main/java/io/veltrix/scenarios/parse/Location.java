package io.veltrix.scenarios.parse;

/**
 * A place in a scenario file.
 *
 * @param line 1-based line
 * @param column 1-based column
 */
public record Location(int line, int column) {
    /** The start of the file. */
    public static final Location START = new Location(1, 1);

    /** This location moved {@code offset} columns to the right. */
    Location plusColumns(int offset) {
        return new Location(line, column + offset);
    }
}
