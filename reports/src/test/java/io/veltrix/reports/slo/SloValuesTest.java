package io.veltrix.reports.slo;

import static org.assertj.core.api.Assertions.assertThat;

import io.veltrix.scenarios.model.SloUnit;
import io.veltrix.scenarios.parse.SloParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SloValuesTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "850              | NANOSECONDS      | 850ns",
                "42500            | NANOSECONDS      | 42.5us",
                "222400000        | NANOSECONDS      | 222ms",
                "1034000000       | NANOSECONDS      | 1.03s",
                "20000000         | NANOSECONDS      | 20ms",
                "99960000         | NANOSECONDS      | 100ms",
                "4713.2           | PER_SECOND       | 4,713/s",
                "12.5             | PER_SECOND       | 12.5/s",
                "22345            | COUNT            | 22,345",
                "0                | COUNT            | 0",
                "0.2345           | FRACTION         | 23.4%",
                "0.001            | FRACTION         | 0.1%",
                "1                | FRACTION         | 100%",
                "64               | BYTES            | 64 B",
                "1536             | BYTES            | 1.5 KB",
                "52428800         | BYTES_PER_SECOND | 50 MB/s"
            })
    void shouldFormatValuesForReading(double value, SloUnit unit, String text) {
        assertThat(SloValues.format(value, unit)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "p99 < 20ms            | < 20ms",
                "throughput >= 4.9k/s  | >= 4,900/s",
                "loss == 0             | == 0",
                "loss <= 0.5%          | <= 0.5%",
                "alloc_per_event < 1KB | < 1 KB"
            })
    void shouldWriteAThresholdWithItsComparator(String expression, String text) {
        assertThat(SloValues.threshold(SloParser.parse(expression.trim()))).isEqualTo(text);
    }
}
