package io.veltrix.reports.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LongStatsTest {

    @Test
    void shouldTakeTheLastValueByTimeNotByArrival() {
        LongStats.Accumulator acc = new LongStats.Accumulator();
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        acc.add(30, t0.plusSeconds(3));
        acc.add(10, t0.plusSeconds(1));
        acc.add(20, t0.plusSeconds(2));
        assertThat(acc.stats()).isEqualTo(new LongStats(3, 20.0, 10, 30, 30));
    }

    @Test
    void shouldBeAllZeroWithoutValues() {
        assertThat(new LongStats.Accumulator().stats()).isEqualTo(new LongStats(0, 0, 0, 0, 0));
    }
}
