package io.veltrix.scenarios.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "capcity, capacity, 1",
        "capacity, capacity, 0",
        "cpaacity, capacity, 1",
        "target_delay, target-delay, 1",
        "kitten, sitting, 3",
        "'', abc, 3",
        "ca, abc, 3"
    })
    void shouldCountEditsWithAdjacentTranspositionsAsOne(String a, String b, int distance) {
        assertThat(Suggestions.distance(a, b)).isEqualTo(distance);
    }

    @Test
    void shouldSuggestTheClosestKnownWordOnlyWhenItIsClose() {
        List<String> keys = List.of("capacity", "min", "max", "initial", "target-delay");
        assertThat(Suggestions.closest("capcity", keys)).contains("capacity");
        assertThat(Suggestions.closest("targetdelay", keys)).contains("target-delay");
        assertThat(Suggestions.closest("Initial", keys)).contains("initial");
        assertThat(Suggestions.closest("mx", keys)).contains("max");
        assertThat(Suggestions.closest("workers", keys)).isEmpty();
        assertThat(Suggestions.didYouMean("capcity", keys)).isEqualTo("; did you mean 'capacity'?");
        assertThat(Suggestions.didYouMean("zzz", keys)).isEmpty();
    }
}
