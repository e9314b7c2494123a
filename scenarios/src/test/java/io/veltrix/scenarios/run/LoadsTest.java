package io.veltrix.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.veltrix.scenarios.model.LoadModel;
import io.veltrix.scenarios.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoadsTest {
    private static Scenario withLoad(String load) {
        return TestScenarios.of(
                "name: l\nduration: 20s\nwarmup: 3s\nload: " + load + "\nevents:\n  - {name: a, service: 10us}\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{constant: {rate: 1000/s}}",
                "{poisson: {rate: 3k/s}}",
                "{ramp: {from: 1k/s, to: 8k/s, over: 10s}}",
                "{steps: [{rate: 3000/s, duration: 8s}, {rate: 0/s, duration: 2s}, {rate: 15000/s, duration: 4s}]}",
                "{spike: {base: 5000/s, peak: 14000/s, every: 5s, duration: 1s, poisson: true}}"
            })
    void shouldScaleEveryLoadShapeToTheMeanRateAsked(String load) {
        Scenario scaled = Loads.scaledTo(withLoad(load), 2500);
        assertThat(Loads.meanRate(scaled)).isCloseTo(2500, within(0.5));
        assertThat(scaled.load().getClass()).isEqualTo(withLoad(load).load().getClass());
    }

    @Test
    void shouldKeepTheShapeOfASpike() {
        LoadModel.Spike spike = (LoadModel.Spike)
                Loads.scaledTo(withLoad("{spike: {base: 5000/s, peak: 15000/s, every: 5s, duration: 1s}}"), 1000)
                        .load();
        assertThat(spike.peakPerSecond() / spike.basePerSecond()).isCloseTo(3.0, within(1e-9));
        assertThat(spike.every().toMillis()).isEqualTo(5000);
        assertThat(spike.spikeDuration().toMillis()).isEqualTo(1000);
    }

    @Test
    void shouldDescribeLoadsInTheScenarioFormatsWords() {
        assertThat(Loads.describe(withLoad("{poisson: {rate: 4k/s}}").load())).isEqualTo("poisson 4000/s");
        assertThat(Loads.describe(
                        withLoad("{spike: {base: 5000/s, peak: 14000/s, every: 5s, duration: 1s, poisson:" + " true}}")
                                .load()))
                .isEqualTo("spike base 5000/s, peak 14000/s for 1s every 5s, poisson");
    }

    @Test
    void shouldRefuseToScaleAClosedLoad() {
        Scenario closed = withLoad("{closed: {concurrency: 4}}");
        assertThatThrownBy(() -> Loads.scaledTo(closed, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a closed load has no arrival rate to scale");
    }
}
