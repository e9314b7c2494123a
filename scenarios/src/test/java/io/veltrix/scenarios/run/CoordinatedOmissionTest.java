package io.veltrix.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.LatencySummary;
import io.veltrix.scenarios.results.StrategyResult;
import org.junit.jupiter.api.Test;

/**
 * The engine stalls once for 200 ms under a steady open load of 2000 events/s. A small queue that blocks the
 * submitter makes the generator wait out the stall inside {@code submit}, as a coordinated load generator would. The
 * events due during the stall are submitted late, so latency counted from the actual submission (uncorrected) hides
 * the stall; counted from the intended time (end-to-end), it shows it: about 400 events waited up to 200 ms.
 */
class CoordinatedOmissionTest {

    @Test
    void shouldShowAStallInEndToEndLatencyThatTheUncorrectedFigureHides() throws Exception {
        Scenario scenario = TestScenarios.of("""
                name: stall
                seed: 3
                duration: 2s
                warmup: 500ms
                load: {constant: {rate: 2000/s}}
                events:
                  - name: work
                    service: 0s
                    handler: io.veltrix.scenarios.run.StallOnceHandler
                engine: {workers: 1, batch: 1}
                strategies:
                  - name: blocking
                    topology: tiered
                    sizing: {fixed: {capacity: 4}}
                    overflow: block
                    block-timeout: 2s
                """);
        StallOnceHandler.reset();
        BenchResults results = TestScenarios.run(scenario);
        StrategyResult strategy = results.strategy("blocking");
        LatencySummary corrected = strategy.latency().endToEnd();
        LatencySummary uncorrected = strategy.latency().uncorrected();

        assertThat(strategy.invariantViolations()).isEmpty();
        assertThat(strategy.measured().lost()).as("block loses nothing").isZero();
        assertThat(corrected.count()).isEqualTo(uncorrected.count()).isGreaterThan(3_500);
        assertThat(corrected.max()).as("end-to-end max").isGreaterThanOrEqualTo(195_000_000L);
        assertThat(corrected.p99()).as("end-to-end p99").isGreaterThanOrEqualTo(150_000_000L);
        assertThat(uncorrected.p99()).as("uncorrected p99").isLessThan(corrected.p99() / 4);
        assertThat(uncorrected.p99()).as("uncorrected p99").isLessThan(40_000_000L);
        // The generator waited in submit, so it lagged behind its schedule by about the stall.
        assertThat(strategy.generator().lag().max()).isGreaterThanOrEqualTo(150_000_000L);
    }
}
