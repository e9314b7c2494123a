package io.veltrix.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DynamicSizingStateTest {
    private static final long MS = 1_000_000L;

    private final DynamicSizingState state =
            new DynamicSizingState(QueueSizing.dynamic(16, 64, 1024, Duration.ofMillis(10)));

    @Test
    void shouldDoubleUnderPressureWhileDelayIsUnderTarget() {
        state.decide(64, 0, 0, 0, 0, 100 * MS);
        // 5 rejections since the last tick, head waited 2 ms < 10 ms target.
        assertThat(state.decide(64, 64, 1000, 5, 2 * MS, 200 * MS)).isEqualTo(128);
        assertThat(state.lastReason).isEqualTo("grow");
        // Nearly full counts as pressure too.
        assertThat(state.decide(128, 120, 2000, 5, 1 * MS, 300 * MS)).isEqualTo(256);
        // Never beyond max.
        assertThat(state.decide(1024, 1024, 3000, 9, 1 * MS, 400 * MS)).isEqualTo(1024);
        assertThat(state.lastReason).isNull();
    }

    @Test
    void shouldNotGrowWhenDelayIsOverTarget() {
        state.decide(64, 0, 0, 0, 0, 100 * MS);
        assertThat(state.decide(64, 64, 100, 5, 20 * MS, 200 * MS)).isEqualTo(64);
        assertThat(state.lastReason).isNull();
    }

    @Test
    void shouldShrinkToLittlesLawSizeWhenDelayStaysOverTarget() {
        state.decide(512, 0, 0, 0, 0, 100 * MS);
        // First tick over target: wait, as CoDel does, for the delay to persist a whole interval.
        assertThat(state.decide(512, 500, 1_000, 0, 30 * MS, 200 * MS)).isEqualTo(512);
        // Second tick: drained 2,000 in 100 ms = 20 events/ms; x 10 ms target = 200 < 512/2: halve to 256.
        assertThat(state.decide(512, 500, 3_000, 0, 30 * MS, 300 * MS)).isEqualTo(256);
        assertThat(state.lastReason).isEqualTo("shrink-delay");
        state.decide(256, 250, 4_000, 0, 30 * MS, 400 * MS);
        // 1,000 in 100 ms = 10/ms, x 10 ms = 100... and halving gives 128: take the larger, 128.
        assertThat(state.decide(256, 250, 5_000, 0, 30 * MS, 500 * MS)).isEqualTo(128);
        // A fast drain: 50,000 in 100 ms = 500/ms x 10 ms = 5,000 > 128: no shrink.
        state.decide(128, 128, 10_000, 0, 30 * MS, 600 * MS);
        assertThat(state.decide(128, 128, 60_000, 0, 30 * MS, 700 * MS)).isEqualTo(128);
    }

    @Test
    void shouldShrinkWhenIdleButNotBelowMin() {
        state.decide(64, 0, 0, 0, 0, 0);
        int capacity = 64;
        for (int tick = 1; tick <= DynamicSizingState.IDLE_TICKS * 5; tick++) {
            capacity = state.decide(capacity, 0, 0, 0, 0, tick * 100 * MS);
        }
        assertThat(capacity).isEqualTo(16);
    }
}
