package io.veltrix.reports.jfr;

/**
 * A plug-in of the JFR analysis: reads the events of a few types as they stream past and turns them into one
 * {@link ReportSection}.
 *
 * <p>Rules, so that a recording of any size can be analysed in bounded memory:
 *
 * <ul>
 *   <li>Events arrive in file order, not time order, one at a time; an instance gets all its events on one
 *       thread, so it needs no locking. A handler must not keep a {@link jdk.jfr.consumer.RecordedEvent}, only what
 *       it aggregates from it.
 *   <li>Read a field with {@code event.getValue("name")}: the typed getters ({@code getClass}, {@code getThread},
 *       {@code getStackTrace}) look the field up twice, which shows at millions of events.
 *   <li>Aggregated state is bounded whatever the recording's length: counters and sums, histograms, and maps with
 *       a cap on distinct keys (see {@link AnalysisOptions#maxDistinctKeys()}).
 *   <li>A handler throws only on a bug; the analysis then fails as a run failure, naming the aggregator.
 * </ul>
 *
 * <p>An aggregator instance serves one analysis; {@link JfrAnalyzer} creates a fresh one per analysis from the
 * factory it was given, e.g. {@code JfrAnalyzer.standard().with(LatencyIntervalAggregator::new)}.
 */
public interface EventAggregator {

    /** Creates an aggregator for one analysis. */
    @FunctionalInterface
    interface Factory {
        EventAggregator create(AnalysisOptions options);
    }

    /** Registers a handler for each event type this aggregator reads; called once, before any event. */
    void subscribe(EventSubscriptions subscriptions);

    /**
     * Called once after every file has been read.
     *
     * @param context the recording's time window, its enabled settings and the count of events read per type,
     *     so that a section can say why a figure is missing
     */
    ReportSection finish(AnalysisContext context);
}
