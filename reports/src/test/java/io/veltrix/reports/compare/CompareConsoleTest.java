package io.veltrix.reports.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.veltrix.reports.GoldenReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareConsoleTest {

    @Test
    void shouldPrintATableOfEveryMetricAndTheOutcome() {
        List<String> lines = CompareConsole.lines(GoldenReport.build().baseline());
        assertThat(lines)
                .startsWith(
                        "base: baseline/results.json",
                        "new:  veltrix-results/checkout/results.json",
                        "note: noise: twice the standard deviation or the range of 3 base and 1 new repeats,"
                                + " whichever is larger",
                        "",
                        "strategy  metric         base      new   delta   noise  verdict",
                        "naive     throughput  3,900/s  3,883/s   -0.4%   ±0.5%  within noise",
                        "          p50           5.7ms   5.74ms   +0.7%   ±3.5%  within noise",
                        "          p99           151ms    186ms  +23.2%   ±1.3%  regression")
                .endsWith("", "1 regression: naive p99 +23.2% (limit 10%)");
    }
}
