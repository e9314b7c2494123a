package io.veltrix.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.StrategyResult;
import org.junit.jupiter.api.Test;

/** A closed loop: each submitter has one event in flight at a time, whatever happens to it. */
class ClosedLoadTest {

    @Test
    void shouldKeepAtMostOneEventPerSubmitterInFlightAndLoseNothingItWaitsFor() throws Exception {
        BenchResults results = TestScenarios.run(TestScenarios.of("""
                name: closed
                seed: 5
                duration: 1500ms
                warmup: 500ms
                load: {closed: {concurrency: 3, think-time: 200us}}
                events:
                  - {name: a, service: 100us}
                  - name: b
                    service: 50us
                    kind: io
                    failures: {rate: 10%, kind: permanent}
                engine: {workers: 1}
                strategies:
                  - name: small
                    sizing: {fixed: {capacity: 3}}
                    overflow: drop-oldest
                """));
        StrategyResult s = results.strategy("small");
        assertThat(s.invariantViolations()).isEmpty();
        assertThat(s.wholeRun().balances()).isTrue();
        assertThat(s.generator().model()).isEqualTo("closed");
        assertThat(s.generator().threads()).isEqualTo(3);
        assertThat(s.generator().lag()).isNull();
        // Three submitters, each waiting for its event: a queue of three per type never overflows.
        assertThat(s.wholeRun().evicted()).isZero();
        assertThat(s.wholeRun().rejected()).isZero();
        assertThat(s.wholeRun().deadLettered())
                .as("permanent failures end the wait too")
                .isPositive();
        assertThat(s.wholeRun().completed()).isGreaterThan(1000);
        // Never more queued than submitters (the engine counts a completion after its worker's batch, so its
        // in-flight count may briefly include events whose submitters were already released).
        assertThat(s.timeline().stream()
                        .mapToLong(p ->
                                p.queues().stream().mapToLong(q -> q.depth()).sum())
                        .max()
                        .orElseThrow())
                .isLessThanOrEqualTo(3);
        long uncorrected = s.latency().uncorrected().p50();
        assertThat(s.latency().endToEnd().p50())
                .as("closed: the intended time is the submission")
                .isBetween(uncorrected, uncorrected + uncorrected / 20 + 1_000);
    }
}
