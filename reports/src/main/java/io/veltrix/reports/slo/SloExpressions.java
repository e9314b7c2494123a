package io.veltrix.reports.slo;

import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.model.Slo;
import io.veltrix.scenarios.parse.SloParser;
import io.veltrix.scenarios.parse.SloSyntaxException;
import java.util.ArrayList;
import java.util.List;

/** SLO expressions given on the command line ({@code veltrix bench --assert EXPR}), checked against a scenario. */
public final class SloExpressions {
    private SloExpressions() {}

    /**
     * Parses every expression and checks the strategy, event type and tier each names.
     *
     * @param option the option they came from, for messages ({@code --assert})
     * @throws InvalidSloException listing every malformed expression, each with its bad token pointed at
     */
    public static List<Slo> parse(String option, List<String> expressions, Scenario scenario)
            throws InvalidSloException {
        List<Slo> slos = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String expression : expressions) {
            try {
                slos.add(SloParser.parse(expression, scenario));
            } catch (SloSyntaxException e) {
                problems.add(problem(option, expression, e));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSloException(problems);
        }
        return slos;
    }

    /**
     * The message for one bad expression, with a caret under the bad token:
     *
     * <pre>
     * --assert 'p99 &lt; 50xs': invalid value '50xs' at column 7; expected a duration like 50ms (us, ms, s)
     *     p99 &lt; 50xs
     *           ^
     * </pre>
     */
    static String problem(String option, String expression, SloSyntaxException e) {
        String indent = "    ";
        return option + " '" + expression + "': " + e.getMessage() + System.lineSeparator() + indent + expression
                + System.lineSeparator() + indent + " ".repeat(Math.max(0, e.column() - 1)) + "^";
    }
}
