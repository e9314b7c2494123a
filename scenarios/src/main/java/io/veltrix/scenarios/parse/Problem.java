package io.veltrix.scenarios.parse;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with a scenario file, where it is and what would be right.
 *
 * @param file the file's name as the user gave it
 * @param location where the problem is
 * @param message what is wrong and what was expected
 */
public record Problem(String file, Location location, String message) {

    /** File order: by line, then column. */
    public static final Comparator<Problem> IN_FILE_ORDER = Comparator.comparingInt(
                    (Problem p) -> p.location().line())
            .thenComparingInt(p -> p.location().column());

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** The problem as one line: {@code file:line:column: error: message}. */
    public String format() {
        return file + ":" + location.line() + ":" + location.column() + ": error: " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
