package io.veltrix.reports.jfr;

/**
 * An aggregator whose state from different parts of a recording can be combined, which lets {@link JfrAnalyzer}
 * aggregate on several threads: each thread gets its own instance (from the same factory) and a share of the
 * events, and the instances are merged before {@link #finish}. If any aggregator of an analysis is not mergeable,
 * the analysis aggregates on one thread.
 *
 * <p>Merging must give the same result as if one instance had seen all the events, in any order: sums, counts,
 * minima and maxima, histograms, keyed maps, and "latest" values chosen by event time (never by arrival).
 *
 * @param <A> the implementing class
 */
public interface MergeableAggregator<A extends MergeableAggregator<A>> extends EventAggregator {

    /** Adds to this aggregator everything {@code other} aggregated; {@code other} is not used afterwards. */
    void merge(A other);
}
