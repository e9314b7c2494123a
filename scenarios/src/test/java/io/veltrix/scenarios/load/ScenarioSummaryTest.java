package io.veltrix.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScenarioSummaryTest {

    @Test
    void shouldCountTypesStrategiesAndExpectedEvents() {
        assertThat(ScenarioSummary.oneLine(
                        Scenarios.of(1, "10s", "2s", "{constant: {rate: 1000/s}}", "  - {name: a, service: 1us}\n")))
                .isEqualTo("ok: t: 1 event type, 1 strategy, schedule of ~12000 events");
        assertThat(ScenarioSummary.oneLine(Scenarios.of("""
                        name: two
                        duration: 10s
                        load: {poisson: {rate: 2.5k/s}}
                        events:
                          - {name: a, service: 1us}
                          - {name: b, service: 1us}
                        strategies:
                          - {name: x}
                          - {name: y}
                          - {name: z}
                        """)))
                .isEqualTo("ok: two: 2 event types, 3 strategies, schedule of ~25000 events");
    }

    @Test
    void shouldDescribeAClosedLoopBySubmitters() {
        assertThat(ScenarioSummary.oneLine(Scenarios.of(
                        1,
                        "10s",
                        "0s",
                        "{closed: {concurrency: 16, think-time: 1ms}}",
                        "  - {name: a, service: 1us}\n")))
                .isEqualTo("ok: t: 1 event type, 1 strategy, closed loop of 16 submitters");
    }
}
