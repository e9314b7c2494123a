package io.veltrix.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The generator's draws have the distributions asked for. Every test uses a fixed seed, so its numbers are
 * reproducible; tolerances are several standard errors wide for the number of draws.
 */
class GeneratorStatisticsTest {

    @Test
    void shouldArriveAtThePoissonRateWithExponentialGaps() {
        // 10 000/s over 100 s: about 1 000 000 arrivals, standard error of the count 0.1%.
        Schedule schedule = Schedule.of(
                Scenarios.of(11, "100s", "0s", "{poisson: {rate: 10k/s}}", "  - {name: a, service: 1us}\n"));
        ArrivalCursor cursor = schedule.arrivals();
        long count = 0;
        long previous = 0;
        double sumGap = 0;
        double sumSquaredGap = 0;
        while (cursor.next()) {
            double gap = cursor.intendedNanos() - previous;
            previous = cursor.intendedNanos();
            sumGap += gap;
            sumSquaredGap += gap * gap;
            count++;
        }
        double ratePerSecond = count / 100.0;
        assertThat(ratePerSecond).isCloseTo(10_000, within(50.0)); // 0.5%
        double meanGap = sumGap / count;
        double cv = Math.sqrt(sumSquaredGap / count - meanGap * meanGap) / meanGap;
        assertThat(meanGap).isCloseTo(100_000, within(500.0)); // 100 us, 0.5%
        assertThat(cv).as("coefficient of variation of exponential gaps").isCloseTo(1.0, within(0.01));
        assertThat(schedule.expectedArrivals()).isCloseTo(1_000_000, within(1e-6));
    }

    @Test
    void shouldSpaceConstantArrivalsEvenly() {
        ArrivalCursor cursor = Schedule.of(
                        Scenarios.of(1, "1s", "0s", "{constant: {rate: 1000/s}}", "  - {name: a, service: 1us}\n"))
                .arrivals();
        long count = 0;
        while (cursor.next()) {
            assertThat(cursor.intendedNanos()).isEqualTo(count * 1_000_000L);
            count++;
        }
        assertThat(count).isEqualTo(1_000);
    }

    @Test
    void shouldSplitArrivalsByShare() {
        Schedule schedule = Schedule.of(Scenarios.of(12, "100s", "0s", "{constant: {rate: 10k/s}}", """
                  - {name: a, share: 10%, service: 1us}
                  - {name: b, share: 30%, service: 1us}
                  - {name: c, share: 60%, service: 1us}
                """));
        long[] counts = new long[3];
        ArrivalCursor cursor = schedule.arrivals();
        while (cursor.next()) {
            counts[cursor.type()]++;
        }
        double total = Arrays.stream(counts).sum();
        assertThat(total).isEqualTo(1_000_000);
        // Binomial standard error at n = 10^6 is under 0.05 percentage points: allow 0.3.
        assertThat(counts[0] / total).isCloseTo(0.10, within(0.003));
        assertThat(counts[1] / total).isCloseTo(0.30, within(0.003));
        assertThat(counts[2] / total).isCloseTo(0.60, within(0.003));
    }

    @Test
    void shouldDrawLognormalServiceTimesWithTheGivenMedianAndP99() {
        long[] samples = serviceTimes("{lognormal: {median: 200us, p99: 2ms}}", 200_000);
        Arrays.sort(samples);
        double median = samples[samples.length / 2];
        double p99 = samples[(int) (samples.length * 0.99)];
        assertThat(median).isCloseTo(200_000, within(200_000 * 0.02)); // 2%
        assertThat(p99).isCloseTo(2_000_000, within(2_000_000 * 0.05)); // 5%
    }

    @Test
    void shouldDrawTheOtherServiceTimeDistributions() {
        long[] exponential = serviceTimes("{exponential: {mean: 100us}}", 200_000);
        assertThat(Arrays.stream(exponential).average().orElseThrow()).isCloseTo(100_000, within(1_000.0));

        long[] uniform = serviceTimes("{uniform: {min: 10us, max: 30us}}", 200_000);
        assertThat(Arrays.stream(uniform).min().orElseThrow()).isGreaterThanOrEqualTo(10_000);
        assertThat(Arrays.stream(uniform).max().orElseThrow()).isLessThanOrEqualTo(30_000);
        assertThat(Arrays.stream(uniform).average().orElseThrow()).isCloseTo(20_000, within(100.0));

        long[] bimodal = serviceTimes("{bimodal: {first: 10us, second: 1ms, second-probability: 5%}}", 200_000);
        long slow = Arrays.stream(bimodal).filter(s -> s == 1_000_000).count();
        long fast = Arrays.stream(bimodal).filter(s -> s == 10_000).count();
        assertThat(slow + fast).isEqualTo(200_000);
        assertThat(slow / 200_000.0).isCloseTo(0.05, within(0.003));

        assertThat(serviceTimes("250us", 10)).containsOnly(250_000L);
    }

    private static long[] serviceTimes(String service, int n) {
        ArrivalCursor cursor = Schedule.of(Scenarios.of(
                        13, "1000s", "0s", "{constant: {rate: 1k/s}}", "  - {name: a, service: " + service + "}\n"))
                .arrivals();
        long[] samples = new long[n];
        for (int i = 0; i < n; i++) {
            assertThat(cursor.next()).isTrue();
            samples[i] = cursor.serviceNanos();
        }
        return samples;
    }

    @Test
    void shouldInjectFailuresAtTheirRateAndEverywhereInAWindow() {
        Schedule schedule = Schedule.of(Scenarios.of(14, "20s", "0s", "{constant: {rate: 10k/s}}", """
                  - name: a
                    service: 1us
                    failures:
                      rate: 2%
                      windows: [{from: 10s, to: 15s, rate: 100%, kind: permanent}]
                """));
        ArrivalCursor cursor = schedule.arrivals();
        long outside = 0;
        long outsideFailed = 0;
        long inside = 0;
        while (cursor.next()) {
            boolean inWindow = cursor.intendedNanos() >= 10_000_000_000L && cursor.intendedNanos() < 15_000_000_000L;
            if (inWindow) {
                inside++;
                assertThat(cursor.failure()).isEqualTo(InjectedFailure.PERMANENT);
            } else {
                outside++;
                outsideFailed += cursor.failure().fails() ? 1 : 0;
                assertThat(cursor.failure()).isIn(InjectedFailure.NONE, InjectedFailure.TRANSIENT);
            }
        }
        assertThat(inside).isEqualTo(50_000);
        assertThat(outside).isEqualTo(150_000);
        assertThat(outsideFailed / (double) outside).isCloseTo(0.02, within(0.002));
    }

    @Test
    void shouldMarkTheWarmup() {
        ArrivalCursor cursor = Schedule.of(
                        Scenarios.of(1, "2s", "1s", "{constant: {rate: 100/s}}", "  - {name: a, service: 1us}\n"))
                .arrivals();
        long warm = 0;
        long measured = 0;
        while (cursor.next()) {
            if (cursor.inWarmup()) {
                warm++;
            } else {
                measured++;
            }
        }
        assertThat(warm).isEqualTo(100);
        assertThat(measured).isEqualTo(200);
    }
}
