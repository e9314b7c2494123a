package io.veltrix.scenarios.run;

import java.util.List;

/**
 * A bench cannot start because of what it was given (an unknown strategy, a handler class that is missing, an
 * option that does not fit the scenario): nothing was run. The message lists every problem, one per line.
 */
public final class BenchSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public BenchSetupException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, each saying what was wrong and what would be right. */
    public List<String> problems() {
        return problems;
    }
}
