package io.veltrix.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplerTest {
    private static final long S = 1_000_000_000L;

    private static List<Long> samples(long warmup, int n) {
        List<Long> times = new ArrayList<>();
        for (long t = Sampler.nextSample(-1, warmup); times.size() < n; t = Sampler.nextSample(t, warmup)) {
            times.add(t);
        }
        return times;
    }

    @Test
    void shouldSampleEverySecondOfTheWarmupThenExactlyAtItsEndThenEverySecond() {
        assertThat(samples(3 * S, 6)).containsExactly(S, 2 * S, 3 * S, 4 * S, 5 * S, 6 * S);
        assertThat(samples(2_500_000_000L, 5))
                .containsExactly(S, 2 * S, 2_500_000_000L, 3_500_000_000L, 4_500_000_000L);
        assertThat(samples(500_000_000L, 3)).containsExactly(500_000_000L, 1_500_000_000L, 2_500_000_000L);
    }

    @Test
    void shouldTakeTheBoundarySampleAtTheStartWithoutWarmup() {
        assertThat(samples(0, 3)).containsExactly(0L, S, 2 * S);
    }
}
