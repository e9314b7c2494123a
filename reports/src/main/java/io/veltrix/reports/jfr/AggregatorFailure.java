package io.veltrix.reports.jfr;

/** An aggregator threw while handling an event or finishing: a bug in the analysis, not bad input. */
public final class AggregatorFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AggregatorFailure(EventAggregator aggregator, RuntimeException cause) {
        super(
                (aggregator == null
                                ? "the settings reader"
                                : aggregator.getClass().getSimpleName()) + " failed: " + cause,
                cause);
    }
}
