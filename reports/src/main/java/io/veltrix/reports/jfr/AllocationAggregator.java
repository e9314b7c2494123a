package io.veltrix.reports.jfr;

import java.util.HashMap;
import java.util.Map;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Allocation: totals, classes, sites and threads weighted by {@code jdk.ObjectAllocationSample.weight}, and
 * per-thread totals from {@code jdk.ThreadAllocationStatistics}.
 *
 * <p>The two sources answer differently. A sample's weight is the bytes its thread allocated since that thread's
 * previous sample, so per-thread sums of weights are close to exact over long windows, while a class or site is
 * credited with the whole weight of the samples that happened to land on it: a statistical estimate.
 * {@code jdk.ThreadAllocationStatistics} is each thread's exact cumulative count, but it is emitted only at chunk
 * boundaries by default, so threads that end between two emissions never appear in it.
 */
public final class AllocationAggregator implements MergeableAggregator<AllocationAggregator> {

    static final String SAMPLE = "jdk.ObjectAllocationSample";
    static final String THREAD_STATISTICS = "jdk.ThreadAllocationStatistics";

    private final AnalysisOptions options;
    private final TopCounter<String> classes;
    private final TopCounter<String> sites;
    private final TopCounter<ThreadRef> threads;
    private final IdentityCache<RecordedStackTrace, String> siteOfStack = new IdentityCache<>(65_536);
    private final IdentityCache<RecordedClass, String> nameOfClass = new IdentityCache<>(65_536);
    private final IdentityCache<RecordedThread, ThreadRef> refOfThread = new IdentityCache<>(65_536);
    private final Map<ThreadRef, ThreadStatistics.Accumulator> statistics = new HashMap<>();
    private long statisticsEventsDropped;

    public AllocationAggregator(AnalysisOptions options) {
        this.options = options;
        this.classes = new TopCounter<>(options.maxDistinctKeys());
        this.sites = new TopCounter<>(options.maxDistinctKeys());
        this.threads = new TopCounter<>(options.maxDistinctKeys());
    }

    @Override
    public void subscribe(EventSubscriptions subscriptions) {
        subscriptions.on(SAMPLE, this::onSample);
        subscriptions.on(THREAD_STATISTICS, this::onThreadStatistics);
    }

    private void onSample(RecordedEvent e) {
        // getValue looks a field up once; the typed getters (getClass, getStackTrace...) look it up twice, and
        // this handler runs for every sample: up to millions per recording.
        long weight = e.getLong("weight");
        RecordedClass type = e.getValue("objectClass");
        RecordedStackTrace stack = e.getValue("stackTrace");
        RecordedThread thread = e.getValue("eventThread");
        classes.add(nameOfClass.get(type, Frames::className), weight);
        sites.add(siteOfStack.get(stack, Frames::topSite), weight);
        threads.add(refOfThread.get(thread, ThreadRef::of), weight);
    }

    private void onThreadStatistics(RecordedEvent e) {
        ThreadRef thread = refOfThread.get(e.getValue("thread"), ThreadRef::of);
        ThreadStatistics.Accumulator acc = statistics.get(thread);
        if (acc == null) {
            if (statistics.size() >= options.maxDistinctKeys()) {
                statisticsEventsDropped++;
                return;
            }
            acc = new ThreadStatistics.Accumulator(thread);
            statistics.put(thread, acc);
        }
        acc.observe(e.getLong("allocated"));
    }

    @Override
    public void merge(AllocationAggregator other) {
        classes.merge(other.classes);
        sites.merge(other.sites);
        threads.merge(other.threads);
        statisticsEventsDropped += other.statisticsEventsDropped;
        other.statistics.forEach((thread, acc) -> {
            ThreadStatistics.Accumulator mine = statistics.get(thread);
            if (mine != null) {
                mine.merge(acc);
            } else if (statistics.size() < options.maxDistinctKeys()) {
                statistics.put(thread, acc);
            } else {
                statisticsEventsDropped += acc.result().observations();
            }
        });
    }

    @Override
    public AllocationSummary finish(AnalysisContext context) {
        Map<Long, ThreadStatistics> byId = new HashMap<>();
        statistics.values().forEach(acc -> byId.merge(acc.thread().id(), acc.result(), ThreadStatistics::latest));
        long sampledThreadsWithoutStatistics = threads.weights().keySet().stream()
                .filter(t -> !byId.containsKey(t.id()))
                .count();
        return new AllocationSummary(
                threads.totalCount(),
                threads.totalWeight(),
                context.perSecond(threads.totalWeight()),
                classes.top(options.top()),
                sites.top(options.top()),
                threads.top(options.top()),
                Math.max(classes.maxFoldedWeight(), sites.maxFoldedWeight()),
                byId,
                sampledThreadsWithoutStatistics,
                statisticsEventsDropped,
                options.top(),
                context.settings());
    }
}
