package io.veltrix.scenarios.parse;

import io.veltrix.scenarios.model.Scenario;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What reading a scenario file gave: the scenario when the file is valid, otherwise every problem found.
 *
 * @param scenario present exactly when {@code problems} is empty
 * @param problems in file order
 */
public record ParseResult(Optional<Scenario> scenario, List<Problem> problems) {
    public ParseResult {
        problems = List.copyOf(problems);
        if (scenario.isPresent() != problems.isEmpty()) {
            throw new IllegalArgumentException("a result has a scenario or problems, not both and not neither");
        }
    }

    /** Whether the file is a valid scenario. */
    public boolean isValid() {
        return scenario.isPresent();
    }

    /** Every problem as {@code file:line:column: error: message}, one per line. */
    public String formattedProblems() {
        return problems.stream().map(Problem::format).collect(Collectors.joining(System.lineSeparator()));
    }
}
