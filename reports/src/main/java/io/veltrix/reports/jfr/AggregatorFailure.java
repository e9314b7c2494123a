package io.veltrix.reports.jfr;

/** An aggregator threw while handling an event or finishing: a bug in the analysis, not bad input. */
public final class AggregatorFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param aggregator the aggregator that threw; null for the analysis' own event dispatch */
    AggregatorFailure(EventAggregator aggregator, RuntimeException cause) {
        super(
                (aggregator == null
                                ? "the event dispatch"
                                : aggregator.getClass().getSimpleName()) + " failed: " + cause,
                cause);
    }

    /** {@code e} itself if it is a failure already, else a failure of the event dispatch. */
    static AggregatorFailure of(RuntimeException e) {
        return e instanceof AggregatorFailure failure ? failure : new AggregatorFailure(null, e);
    }
}
