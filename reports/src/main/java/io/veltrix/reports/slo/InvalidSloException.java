package io.veltrix.reports.slo;

import java.util.List;

/** SLO expressions that cannot be parsed or name something the scenario does not have; nothing was run. */
public final class InvalidSloException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidSloException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** One message per bad expression, each naming the bad token and its column, with a caret line under it. */
    public List<String> problems() {
        return problems;
    }
}
