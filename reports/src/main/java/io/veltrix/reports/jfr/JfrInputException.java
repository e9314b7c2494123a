package io.veltrix.reports.jfr;

import java.util.List;

/**
 * A recording can't be analysed at all: missing, unreadable, not a JFR file, or without a single complete chunk.
 * The message names each file and says what was wrong and what was readable.
 */
public final class JfrInputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    JfrInputException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** One sentence per file that could not be analysed, each starting with the file's path. */
    public List<String> problems() {
        return problems;
    }
}
