package io.veltrix.scenarios.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Generating arrivals allocates nothing per event (the cursor fills its own fields). */
class AllocationTest {

    @Test
    void shouldNotAllocatePerArrival() {
        Schedule schedule = Schedule.of(Scenarios.of(3, "1000s", "0s", "{poisson: {rate: 10k/s}}", """
                  - {name: a, share: 1, service: {lognormal: {median: 100us, p99: 1ms}}, failures: {rate: 1%}}
                  - {name: b, share: 2, service: {bimodal: {first: 10us, second: {exponential: {mean: 1ms}}, second-probability: 5%}}}
                  - {name: c, share: 3, service: {uniform: {min: 1us, max: 9us}}, failures: {windows: [{from: 1s, to: 2s}]}}
                """));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        ArrivalCursor cursor = schedule.arrivals();
        long checksum = drain(cursor, 200_000); // warm up the JIT
        long before = threads.getThreadAllocatedBytes(thread);
        checksum += drain(cursor, 2_000_000);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(checksum).isNotZero();
        // A single 16-byte allocation per event would be 32 MB here.
        assertThat(allocated).as("bytes allocated for 2 000 000 arrivals").isLessThan(64 * 1024);
    }

    private static long drain(ArrivalCursor cursor, int n) {
        long checksum = 0;
        for (int i = 0; i < n && cursor.next(); i++) {
            checksum += cursor.intendedNanos()
                    ^ cursor.serviceNanos()
                    ^ cursor.type()
                    ^ cursor.failure().ordinal();
        }
        return checksum;
    }
}
