package io.veltrix.reports.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlameGraphTest {

    @Test
    void shouldStackCalleesOnTheirCallersAsWideAsTheirSamples() {
        FlameGraph graph = FlameGraph.of(List.of("main;work;parse 30", "main;work;compute 50", "main;idle 20", ""));

        assertThat(graph.totalSamples()).isEqualTo(100);
        assertThat(graph.maxDepth()).isEqualTo(3);
        assertThat(graph.hiddenFrames()).isZero();
        // Siblings in name order, callers first: all, main, idle, work, compute, parse.
        assertThat(graph.frames())
                .containsExactly(
                        new FlameGraph.Frame(0, 100, 0, "all"),
                        new FlameGraph.Frame(0, 100, 1, "main"),
                        new FlameGraph.Frame(0, 20, 2, "idle"),
                        new FlameGraph.Frame(20, 80, 2, "work"),
                        new FlameGraph.Frame(20, 50, 3, "compute"),
                        new FlameGraph.Frame(70, 30, 3, "parse"));
    }

    @Test
    void shouldMergeRepeatedStacksAndSharedPrefixes() {
        FlameGraph graph = FlameGraph.of(List.of("a;b 5", "a;b 7", "a;c;d 3"));

        assertThat(graph.frames())
                .containsExactly(
                        new FlameGraph.Frame(0, 15, 0, "all"),
                        new FlameGraph.Frame(0, 15, 1, "a"),
                        new FlameGraph.Frame(0, 12, 2, "b"),
                        new FlameGraph.Frame(12, 3, 2, "c"),
                        new FlameGraph.Frame(12, 3, 3, "d"));
    }

    @Test
    void shouldHideFramesUnderATenthOfAPercentWithTheirCallees() {
        FlameGraph graph = FlameGraph.of(List.of("a;b 10000", "a;rare;deeper;deepest 9"));

        assertThat(graph.frames()).extracting(FlameGraph.Frame::name).containsExactly("all", "a", "b");
        assertThat(graph.hiddenFrames()).isEqualTo(3);
        assertThat(graph.totalSamples()).isEqualTo(10009);
    }

    @Test
    void shouldKeepFrameNamesWithSpaces() {
        FlameGraph graph = FlameGraph.of(List.of("Thread.run;lambda$0 (inlined) 4"));

        assertThat(graph.frames())
                .extracting(FlameGraph.Frame::name)
                .containsExactly("all", "Thread.run", "lambda$0 (inlined)");
    }

    @Test
    void shouldNameTheLineThatIsNotACollapsedStack() {
        assertThatThrownBy(() -> FlameGraph.of(List.of("a;b 1", "a;b many")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "collapsed stacks, line 2: expected 'frame;frame;... count' with a count >= 0, was 'a;b many'");
        assertThatThrownBy(() -> FlameGraph.of(List.of("lonely"))).hasMessageContaining("line 1");
    }
}
