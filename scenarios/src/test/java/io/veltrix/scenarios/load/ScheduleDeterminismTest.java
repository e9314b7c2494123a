package io.veltrix.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veltrix.scenarios.model.Scenario;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScheduleDeterminismTest {
    private static final String EVENTS = """
              - {name: payment, share: 20%, service: {lognormal: {median: 200us, p99: 2ms}}, failures: {rate: 5%}}
              - {name: order, share: 30%, service: {exponential: {mean: 100us}}}
              - {name: audit, share: 50%, service: {uniform: {min: 10us, max: 90us}}, failures: {rate: 1%}}
            """;

    /** The first {@code n} arrivals as rows of (time, type, service, failure ordinal, sequence). */
    static long[][] take(Schedule schedule, int n) {
        ArrivalCursor cursor = schedule.arrivals();
        long[][] rows = new long[n][];
        for (int i = 0; i < n && cursor.next(); i++) {
            rows[i] = new long[] {
                cursor.intendedNanos(),
                cursor.type(),
                cursor.serviceNanos(),
                cursor.failure().ordinal(),
                cursor.sequence()
            };
        }
        return rows;
    }

    private static Scenario poisson(long seed) {
        return Scenarios.of(seed, "10s", "1s", "{poisson: {rate: 5000/s}}", EVENTS);
    }

    @Test
    void shouldReplayTheSameScheduleForTheSameSeed() {
        long[][] first = take(Schedule.of(poisson(42)), 20_000);
        long[][] second = take(Schedule.of(poisson(42)), 20_000);
        assertThat(first[19_999]).isNotNull();
        assertThat(second).isDeepEqualTo(first);
        assertThat(first[0][4]).isZero();
        assertThat(first[19_999][4]).isEqualTo(19_999L);
    }

    @Test
    void shouldGiveEveryCursorOfAScheduleTheSameArrivals() {
        Schedule schedule = Schedule.of(poisson(7));
        assertThat(take(schedule, 5_000)).isDeepEqualTo(take(schedule, 5_000));
    }

    @Test
    void shouldGiveAnotherScheduleForAnotherSeed() {
        long[][] a = take(Schedule.of(poisson(1)), 1_000);
        long[][] b = take(Schedule.of(poisson(2)), 1_000);
        long sameTimes = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i][0] == b[i][0]) {
                sameTimes++;
            }
        }
        assertThat(sameTimes).isLessThan(10);
    }

    @Test
    void shouldNotShiftOtherTypesDrawsWhenAnEventTypeIsAdded() {
        Scenario two = Scenarios.of(9, "10s", "0s", "{poisson: {rate: 5000/s}}", """
                  - {name: payment, share: 1, service: {exponential: {mean: 100us}}}
                  - {name: order, share: 1, service: {exponential: {mean: 100us}}}
                """);
        Scenario three = Scenarios.of(9, "10s", "0s", "{poisson: {rate: 5000/s}}", """
                  - {name: payment, share: 1, service: {exponential: {mean: 100us}}}
                  - {name: order, share: 1, service: {exponential: {mean: 100us}}}
                  - {name: refund, share: 1, service: {exponential: {mean: 100us}}}
                """);
        long[][] a = take(Schedule.of(two), 3_000);
        long[][] b = take(Schedule.of(three), 3_000);
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i][0]).as("arrival time %d", i).isEqualTo(a[i][0]);
        }
        assertThat(serviceTimesOf(a, 0, 500)).isEqualTo(serviceTimesOf(b, 0, 500));
        assertThat(serviceTimesOf(a, 1, 500)).isEqualTo(serviceTimesOf(b, 1, 500));
    }

    private static long[] serviceTimesOf(long[][] rows, int type, int n) {
        return Arrays.stream(rows)
                .filter(r -> r[1] == type)
                .limit(n)
                .mapToLong(r -> r[2])
                .toArray();
    }

    @Test
    void shouldAnswerRetryFailuresTheSameWayInAnyOrder() {
        Schedule schedule = Schedule.of(poisson(3));
        InjectedFailure[] forward = new InjectedFailure[200];
        for (int i = 0; i < forward.length; i++) {
            forward[i] = schedule.failure(0, i, 1 + i % 3, 1_000_000L);
        }
        for (int i = forward.length - 1; i >= 0; i--) {
            assertThat(Schedule.of(poisson(3)).failure(0, i, 1 + i % 3, 1_000_000L))
                    .isEqualTo(forward[i]);
        }
        assertThat(Arrays.stream(forward).filter(InjectedFailure::fails).count())
                .isBetween(1L, 40L);
        assertThat(schedule.jitter(5, 1))
                .isEqualTo(Schedule.of(poisson(3)).jitter(5, 1))
                .isBetween(0.0, 1.0);
        assertThat(schedule.jitter(5, 1)).isNotEqualTo(schedule.jitter(5, 2));
    }

    @Test
    void shouldReplayClosedLoopSubmittersIndependently() {
        Scenario closed = Scenarios.of(
                5, "10s", "0s", "{closed: {concurrency: 4, think-time: {exponential: {mean: 1ms}}}}", EVENTS);
        Schedule schedule = Schedule.of(closed);
        assertThat(schedule.isOpen()).isFalse();
        assertThat(schedule.concurrency()).isEqualTo(4);
        SubmitterCursor a = schedule.submitter(2);
        SubmitterCursor b = Schedule.of(closed).submitter(2);
        SubmitterCursor other = schedule.submitter(3);
        int differentThinks = 0;
        for (int i = 0; i < 1_000; i++) {
            a.next(i * 1_000L);
            b.next(i * 1_000L);
            other.next(i * 1_000L);
            assertThat(a.sequence()).isEqualTo(2L + 4L * i);
            assertThat(new long[] {
                        a.type(), a.serviceNanos(), a.thinkNanos(), a.failure().ordinal()
                    })
                    .isEqualTo(new long[] {
                        b.type(), b.serviceNanos(), b.thinkNanos(), b.failure().ordinal()
                    });
            differentThinks += a.thinkNanos() != other.thinkNanos() ? 1 : 0;
        }
        assertThat(differentThinks).isGreaterThan(990);
        assertThatThrownBy(schedule::arrivals).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> schedule.submitter(4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(schedule.expectedArrivals()).isNaN();
    }
}
