package io.veltrix.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Arrival counts and times follow the integrated rate exactly, whatever the shape of the load. */
class RateProfileTest {

    private static long[] times(String load, String duration) {
        ArrivalCursor cursor = Schedule.of(Scenarios.of(1, duration, "0s", load, "  - {name: a, service: 1us}\n"))
                .arrivals();
        long[] times = new long[4_000_000];
        int n = 0;
        while (cursor.next()) {
            times[n++] = cursor.intendedNanos();
        }
        return java.util.Arrays.copyOf(times, n);
    }

    @Test
    void shouldRampByTheExactIntegratedRate() {
        // rate(t) = 1000 + 200 t, integrated: 1000 t + 100 t^2; 20 000 arrivals by t = 10 s.
        long[] times = times("{ramp: {from: 1000/s, to: 3000/s, over: 10s}}", "10s");
        assertThat(times).hasSize(20_000);
        double t1000 = (-1000 + Math.sqrt(1000.0 * 1000 + 4 * 100 * 1000)) / 200; // solves 1000 t + 100 t^2 = 1000
        assertThat(times[1000] / 1e9).isCloseTo(t1000, within(1e-6));
        assertThat(times[19_999] / 1e9).isCloseTo((-1000 + Math.sqrt(1e6 + 400.0 * 19_999)) / 200, within(1e-6));
    }

    @Test
    void shouldHoldTheTargetRateAfterTheRamp() {
        // 10 000 during the 5 s ramp from 1000/s to 3000/s, then 3000/s for 5 s: 25 000.
        long[] times = times("{ramp: {from: 1000/s, to: 3000/s, over: 5s}}", "10s");
        assertThat(times).hasSize(25_000);
        assertThat(times[10_001] - times[10_000]).isBetween(333_333L, 333_334L);
    }

    @Test
    void shouldRampDownToo() {
        long[] times = times("{ramp: {from: 4000/s, to: 1000/s, over: 10s}}", "10s");
        assertThat(times).hasSize(25_000);
    }

    @Test
    void shouldFollowStepsAndHoldTheLastOne() {
        long[] times = times(
                "{steps: [{rate: 1000/s, duration: 2s}, {rate: 0/s, duration: 1s}, {rate: 5000/s, duration: 1s}]}",
                "6s");
        // 2000 in [0, 2s), none in [2s, 3s), then 5000/s from 3 s to the end at 6 s.
        assertThat(times).hasSize(2000 + 15_000);
        assertThat(times[1999]).isEqualTo(1_999_000_000L);
        assertThat(times[2000]).isEqualTo(3_000_000_000L);
        assertThat(times[2001] - times[2000]).isEqualTo(200_000L);
    }

    @Test
    void shouldSpikeAtEveryMultipleOfThePeriod() {
        long[] times = times("{spike: {base: 1000/s, peak: 10000/s, every: 1s, duration: 100ms}}", "3s");
        // [0, 1s): 1000; [1s, 1.1s): 1000; [1.1s, 2s): 900; [2s, 2.1s): 1000; [2.1s, 3s): 900.
        assertThat(times).hasSize(4800);
        long inFirstSpike = java.util.Arrays.stream(times)
                .filter(t -> t >= 1_000_000_000L && t < 1_100_000_000L)
                .count();
        assertThat(inFirstSpike).isEqualTo(1000);
        Schedule schedule = Schedule.of(Scenarios.of(
                1,
                "3s",
                "0s",
                "{spike: {base: 1000/s, peak: 10000/s, every: 1s, duration: 100ms}}",
                "  - {name: a, service: 1us}\n"));
        assertThat(schedule.expectedArrivals()).isCloseTo(4800, within(1e-6));
    }

    @Test
    void shouldCountSpikesOfAShortPeriodOverALongRunInClosedForm() {
        // 100 000 h of 1 ms periods: 3.6e11 segments would take minutes to walk.
        Schedule schedule = Schedule.of(Scenarios.of(
                1,
                "100000h",
                "0s",
                "{spike: {base: 1000/s, peak: 3000/s, every: 1ms, duration: 500us}}",
                "  - {name: a, service: 1us}\n"));
        // The first period at base, then every period at the mean of base and peak: 2000/s, less 1 ms at 1000/s.
        double seconds = 100_000 * 3600.0;
        assertThat(schedule.expectedArrivals()).isCloseTo(2000 * seconds - 1, within(1.0));
        // The closed form agrees with walking the segments where walking is quick.
        Schedule shortRun = Schedule.of(Scenarios.of(
                1,
                "3.25s",
                "0s",
                "{spike: {base: 1000/s, peak: 10000/s, every: 1s, duration: 100ms}}",
                "  - {name: a, service: 1us}\n"));
        assertThat(shortRun.expectedArrivals()).isCloseTo(1000 + 1900 + 1900 + 1000 + 150, within(1e-6));
    }

    @Test
    void shouldVaryPoissonArrivalsAlongARamp() {
        Schedule schedule = Schedule.of(Scenarios.of(
                2,
                "100s",
                "0s",
                "{ramp: {from: 1k/s, to: 9k/s, over: 100s, poisson: true}}",
                "  - {name: a, service: 1us}\n"));
        ArrivalCursor cursor = schedule.arrivals();
        long firstHalf = 0;
        long secondHalf = 0;
        while (cursor.next()) {
            if (cursor.intendedNanos() < 50_000_000_000L) {
                firstHalf++;
            } else {
                secondHalf++;
            }
        }
        // Expected 150 000 then 350 000; standard errors about 400 and 600.
        assertThat(firstHalf).isCloseTo(150_000L, within(2_500L));
        assertThat(secondHalf).isCloseTo(350_000L, within(3_500L));
        assertThat(schedule.expectedArrivals()).isCloseTo(500_000, within(1e-6));
    }
}
