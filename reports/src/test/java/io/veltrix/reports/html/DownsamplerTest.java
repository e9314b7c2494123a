package io.veltrix.reports.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DownsamplerTest {

    @Test
    void shouldKeepEveryPointOfAShortSeries() {
        double[] values = new double[600];
        Arrays.setAll(values, i -> i % 7);

        assertThat(Downsampler.keep(values, 600))
                .hasSize(600)
                .startsWith(0, 1, 2)
                .endsWith(599);
    }

    @Test
    void shouldKeepTheFirstTheLastTheMaximumAndTheMinimumOfALongSeries() {
        // An hour of seconds: noise, one spike and one dip in the middle of buckets.
        SplittableRandom random = new SplittableRandom(42);
        double[] values = new double[3600];
        Arrays.setAll(values, i -> 1000 + random.nextInt(100));
        values[1234] = 50_000;
        values[2345] = 3;

        int[] kept = Downsampler.keep(values, 600);

        assertThat(kept.length).isLessThanOrEqualTo(600).isGreaterThan(500);
        assertThat(kept[0]).isZero();
        assertThat(kept[kept.length - 1]).isEqualTo(3599);
        assertThat(kept).contains(1234, 2345);
        assertThat(kept).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void shouldKeepTheMaximumOfEveryBucket() {
        double[] values = new double[1000];
        Arrays.setAll(values, i -> Math.sin(i / 10.0));
        int[] kept = Downsampler.keep(values, 100);

        // 49 buckets over the 998 inner points: each bucket's maximum is kept, so the thinned series loses no peak.
        double maxKept = Arrays.stream(kept).mapToDouble(i -> values[i]).max().orElseThrow();
        assertThat(maxKept).isEqualTo(Arrays.stream(values).max().orElseThrow());
        assertThat(kept).hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void shouldKeepOneIndexWhenABucketIsFlat() {
        double[] values = new double[1000];

        int[] kept = Downsampler.keep(values, 100);

        assertThat(kept).hasSize(2 + 49).doesNotHaveDuplicates();
    }

    @Test
    void shouldRejectFewerThanFourPoints() {
        assertThatThrownBy(() -> Downsampler.keep(new double[10], 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxPoints must be at least 4, was 3");
    }
}
