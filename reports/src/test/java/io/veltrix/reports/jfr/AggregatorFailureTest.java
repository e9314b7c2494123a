package io.veltrix.reports.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An aggregator that throws is a bug: the analysis stops with a failure naming it, on one thread or several. */
class AggregatorFailureTest {

    static final class ThrowingAggregator implements MergeableAggregator<ThrowingAggregator> {
        ThrowingAggregator(AnalysisOptions options) {}

        @Override
        public void subscribe(EventSubscriptions subscriptions) {
            subscriptions.on("jdk.ObjectAllocationSample", e -> {
                throw new IllegalStateException("boom at " + e.getEventType().getName());
            });
        }

        @Override
        public void merge(ThrowingAggregator other) {}

        @Override
        public ReportSection finish(AnalysisContext context) {
            throw new AssertionError("not reached");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void shouldStopWithAFailureNamingTheAggregatorThatThrew(int workers) throws Exception {
        Path recording = TestRecordings.sharedWorkload();
        AggregatorFailure failure = catchThrowableOfType(
                () -> JfrAnalyzer.standard()
                        .with(ThrowingAggregator::new)
                        .withWorkers(workers)
                        .analyze(List.of(recording)),
                AggregatorFailure.class);
        assertThat(failure)
                .hasMessage("ThrowingAggregator failed: java.lang.IllegalStateException: boom at"
                        + " jdk.ObjectAllocationSample")
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
