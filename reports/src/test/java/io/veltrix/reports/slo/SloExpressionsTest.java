package io.veltrix.reports.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.model.Slo;
import io.veltrix.scenarios.parse.ScenarioParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloExpressionsTest {
    private static final Scenario SEED_STORY = ScenarioParser.read(
                    Path.of("..", "scenarios", "examples", "seed-story.yaml"))
            .scenario()
            .orElseThrow();

    @Test
    void shouldParseExpressionsThatNameWhatTheScenarioHas() throws InvalidSloException {
        List<Slo> slos = SloExpressions.parse(
                "--assert", List.of("p99 < 1us", "loss == 0 strategy=tiered tier=critical"), SEED_STORY);
        assertThat(slos)
                .extracting(Slo::expression)
                .containsExactly("p99 < 1us", "loss == 0 strategy=tiered tier=critical");
        assertThat(slos.get(0).threshold()).isEqualTo(1000.0);
    }

    @Test
    void shouldPointAtTheBadTokenOfEveryBadExpression() {
        InvalidSloException e = catchThrowableOfType(
                InvalidSloException.class,
                () -> SloExpressions.parse(
                        "--assert", List.of("p99 < 50xs", "p99 < 5ms", "loss == 0 type=paymnt"), SEED_STORY));
        String nl = System.lineSeparator();
        assertThat(e.problems())
                .containsExactly(
                        "--assert 'p99 < 50xs': invalid value '50xs' at column 7; expected a duration like 50ms (us,"
                                + " ms, s)" + nl
                                + "    p99 < 50xs" + nl
                                + "          ^",
                        "--assert 'loss == 0 type=paymnt': unknown event type 'paymnt' at column 16; expected one"
                                + " of payment, order, notification, analytics; did you mean 'payment'?" + nl
                                + "    loss == 0 type=paymnt" + nl
                                + "                   ^");
    }
}
