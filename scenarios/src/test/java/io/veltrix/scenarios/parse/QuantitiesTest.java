package io.veltrix.scenarios.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {

    @ParameterizedTest(name = "{0} = {1} ns")
    @CsvSource({
        "0, 0",
        "0s, 0",
        "1ns, 1",
        "250us, 250000",
        "250µs, 250000",
        "1.5us, 1500",
        "50ms, 50000000",
        "0.5ms, 500000",
        "20s, 20000000000",
        "1.25s, 1250000000",
        "2m, 120000000000",
        "1h, 3600000000000",
        ".5s, 500000000"
    })
    void shouldParseDurations(String text, long nanos) {
        assertThat(Quantities.parseDuration(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "250 | missing unit in '250'; expected a duration like 250ms (units: ns, us, ms, s, m, h)",
                "10sec | unknown unit 'sec' in '10sec'; expected a duration like 250ms (units: ns, us, ms, s, m, h)",
                "10 s | unknown unit ' s' in '10 s'; expected a duration like 250ms (units: ns, us, ms, s, m, h)",
                "-5s | negative duration '-5s'; expected zero or more, a duration like 250ms (units: ns, us, ms, s, m,"
                        + " h)",
                "ms | 'ms' does not start with a number; expected a duration like 250ms (units: ns, us, ms, s, m, h)",
                "1.2.3s | '1.2.3' is not a number in '1.2.3s'; expected a duration like 250ms (units: ns, us, ms, s,"
                        + " m, h)"
            })
    void shouldRejectMalformedDurationsSayingWhatIsExpected(String text, String message) {
        assertThatThrownBy(() -> Quantities.parseDuration(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0} = {1}/s")
    @CsvSource({
        "5000/s, 5000",
        "5k/s, 5000",
        "5K/s, 5000",
        "1.5M/s, 1500000",
        "300/min, 5",
        "300/m, 5",
        "7200/h, 2",
        "2/ms, 2000",
        "0/s, 0",
        "0.5/s, 0.5"
    })
    void shouldParseRatesIntoEventsPerSecond(String text, double perSecond) {
        assertThat(Quantities.parseRate(text)).isCloseTo(perSecond, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "5000 | missing '/s' (or another unit) in '5000'; expected a rate like 5000/s, 5k/s, 300/min or"
                        + " 1.5M/s (per ms, s, m or min, h; k = thousand, M = million)",
                "5000/sec | unknown unit '/sec' in '5000/sec'; expected a rate like 5000/s, 5k/s, 300/min or 1.5M/s"
                        + " (per ms, s, m or min, h; k = thousand, M = million)",
                "5x/s | '5x' is not a number in '5x/s'; expected a rate like 5000/s, 5k/s, 300/min or 1.5M/s (per"
                        + " ms, s, m or min, h; k = thousand, M = million)",
                "-5/s | negative rate '-5/s'; expected a rate like 5000/s, 5k/s, 300/min or 1.5M/s (per ms, s, m or"
                        + " min, h; k = thousand, M = million)"
            })
    void shouldRejectMalformedRates(String text, String message) {
        assertThatThrownBy(() -> Quantities.parseRate(text)).hasMessage(message);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"2%, 0.02", "0.5%, 0.005", "100%, 1.0", "0%, 0.0", "0.25, 0.25", "1, 1.0", "0, 0.0"})
    void shouldParseFractionsFromPercentagesOrPlainNumbers(String text, double fraction) {
        assertThat(Quantities.parseFraction(text)).isCloseTo(fraction, within(1e-12));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "150% | '150%' is more than 100%",
                "2 | '2' is more than 1; write 2% for 2 percent",
                "two% | 'two%' is not a number; expected a percentage like 2% (or a fraction from 0 to 1)",
                "-1% | negative fraction '-1%'; expected a percentage like 2% (or a fraction from 0 to 1)"
            })
    void shouldRejectFractionsOutOfRange(String text, String message) {
        assertThatThrownBy(() -> Quantities.parseFraction(text)).hasMessage(message);
    }

    @ParameterizedTest(name = "{0} ns = {1}")
    @CsvSource({
        "0, 0s",
        "999, 999ns",
        "1500, 1.5us",
        "250000000, 250ms",
        "1500000000, 1.5s",
        "100000000000, 100s",
        "120000000000, 2m",
        "7200000000000, 2h"
    })
    void shouldFormatDurationsTheWayAScenarioWritesThem(long nanos, String text) {
        assertThat(Quantities.formatDuration(Duration.ofNanos(nanos))).isEqualTo(text);
    }
}
