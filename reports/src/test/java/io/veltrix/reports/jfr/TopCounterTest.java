package io.veltrix.reports.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopCounterTest {

    @Test
    void shouldRankByWeightThenCountThenKey() {
        TopCounter<String> counter = new TopCounter<>(100);
        counter.add("b", 10);
        counter.add("a", 10);
        counter.add("c", 5);
        counter.add("c", 5);
        counter.add("d", 30);
        assertThat(counter.top(3))
                .containsExactly(new Ranked<>("d", 1, 30), new Ranked<>("c", 2, 10), new Ranked<>("a", 1, 10));
        assertThat(counter.totalCount()).isEqualTo(5);
        assertThat(counter.totalWeight()).isEqualTo(60);
    }

    /**
     * A handle remembers its key's cell; when the cap folds that cell away, the next add through the handle starts
     * the key again from zero, exactly as an add by key does, and totals stay exact.
     */
    @Test
    void shouldCountThroughAHandleAsByKeyEvenAfterItsCellWasFolded() {
        TopCounter<String> byHandle = new TopCounter<>(4);
        TopCounter<String> byKey = new TopCounter<>(4);
        TopCounter.Handle<String> light = byHandle.handle("light");
        byHandle.add(light, 1);
        byKey.add("light", 1);
        for (int i = 0; i < 4; i++) {
            byHandle.add("heavy-" + i, 100);
            byKey.add("heavy-" + i, 100);
        }
        assertThat(byHandle.foldedKeys()).isPositive();
        assertThat(byHandle.top(10)).extracting(Ranked::key).doesNotContain("light");
        byHandle.add(light, 7);
        byHandle.add(light, 7);
        byKey.add("light", 7);
        byKey.add("light", 7);
        assertThat(byHandle.top(10)).isEqualTo(byKey.top(10)).contains(new Ranked<>("light", 2, 14));
        assertThat(byHandle.totalWeight()).isEqualTo(byKey.totalWeight()).isEqualTo(415);
        assertThat(byHandle.totalCount()).isEqualTo(7);
    }

    @Test
    void shouldKeepHeavyKeysAndExactTotalsWhenTheCapFoldsLightOnes() {
        TopCounter<String> counter = new TopCounter<>(16);
        counter.add("heavy-1", 1_000_000);
        counter.add("heavy-2", 500_000);
        long total = 1_500_000;
        for (int i = 0; i < 10_000; i++) {
            counter.add("light-" + i, 1 + i % 7);
            total += 1 + i % 7;
        }
        counter.add("heavy-1", 1);
        total += 1;
        assertThat(counter.trackedKeys()).isLessThanOrEqualTo(16);
        assertThat(counter.totalWeight()).isEqualTo(total);
        assertThat(counter.totalCount()).isEqualTo(10_003);
        assertThat(counter.top(2))
                .containsExactly(new Ranked<>("heavy-1", 2, 1_000_001), new Ranked<>("heavy-2", 1, 500_000));
        assertThat(counter.foldedKeys()).isPositive();
        // A folded key restarts from zero: no shown weight is low by more than the heaviest folded weight.
        assertThat(counter.maxFoldedWeight()).isLessThanOrEqualTo(7 * 16);
        long shown =
                counter.weights().values().stream().mapToLong(Long::longValue).sum();
        assertThat(shown + counter.foldedWeight()).isEqualTo(total);
    }

    @Test
    void shouldRefuseACapBelowTwo() {
        assertThatThrownBy(() -> new TopCounter<String>(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxKeys must be at least 2, was 1");
    }
}
