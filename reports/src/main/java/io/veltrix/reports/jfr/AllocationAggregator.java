package io.veltrix.reports.jfr;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>Each thread's first sample (earliest by start time) is held apart until the end: its weight covers what the
 * thread allocated since its previous sample, which for a thread older than the recording reaches back before the
 * recording (on JDK 25, to the thread's start: the JVM's main thread put 65 MB of start-up into one sample). It is
 * counted like any other only if a {@code jdk.ThreadStart} in the analysed files shows that the thread started
 * during the recording; otherwise its weight is reported as excluded, apart from every total, class, site and thread
 * figure.
 */
public final class AllocationAggregator implements MergeableAggregator<AllocationAggregator> {

    static final String SAMPLE = "jdk.ObjectAllocationSample";
    static final String THREAD_STATISTICS = "jdk.ThreadAllocationStatistics";
    static final String THREAD_START = "jdk.ThreadStart";

    /** A thread's earliest sample so far, not yet counted. */
    private record FirstSample(Instant start, long weight, String className, String site) {}

    private final AnalysisOptions options;
    private final TopCounter<String> classes;
    private final TopCounter<String> sites;
    private final TopCounter<ThreadRef> threads;
    private final IdentityCache<RecordedStackTrace, String> siteOfStack = new IdentityCache<>(65_536);
    private final IdentityCache<RecordedClass, String> nameOfClass = new IdentityCache<>(65_536);
    private final IdentityCache<RecordedThread, ThreadRef> refOfThread = new IdentityCache<>(65_536);
    private final Map<ThreadRef, ThreadStatistics.Accumulator> statistics = new HashMap<>();
    private long statisticsEventsDropped;
    private final Map<ThreadRef, FirstSample> firstSamples = new HashMap<>();
    private final Set<Long> startedThreads = new HashSet<>();
    private long threadsPastCap;

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
        subscriptions.on(THREAD_START, this::onThreadStart);
    }

    private void onThreadStart(RecordedEvent e) {
        RecordedThread thread = e.getValue("thread");
        if (thread != null && startedThreads.size() < options.maxDistinctKeys()) {
            startedThreads.add(thread.getJavaThreadId());
        }
    }

    private void onSample(RecordedEvent e) {
        // getValue looks a field up once; the typed getters (getClass, getStackTrace...) look it up twice, and
        // this handler runs for every sample: up to millions per recording.
        long weight = e.getLong("weight");
        RecordedClass type = e.getValue("objectClass");
        RecordedStackTrace stack = e.getValue("stackTrace");
        RecordedThread thread = e.getValue("eventThread");
        ThreadRef ref = refOfThread.get(thread, ThreadRef::of);
        String className = nameOfClass.get(type, Frames::className);
        String site = siteOfStack.get(stack, Frames::topSite);
        Instant start = e.getStartTime();
        FirstSample first = firstSamples.get(ref);
        if (first == null) {
            if (firstSamples.size() < options.maxDistinctKeys()) {
                firstSamples.put(ref, new FirstSample(start, weight, className, site));
            } else {
                threadsPastCap++;
                count(ref, weight, className, site);
            }
        } else if (start.isBefore(first.start())) {
            count(ref, first);
            firstSamples.put(ref, new FirstSample(start, weight, className, site));
        } else {
            count(ref, weight, className, site);
        }
    }

    private void count(ThreadRef thread, FirstSample sample) {
        count(thread, sample.weight(), sample.className(), sample.site());
    }

    private void count(ThreadRef thread, long weight, String className, String site) {
        classes.add(className, weight);
        sites.add(site, weight);
        threads.add(thread, weight);
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
        threadsPastCap += other.threadsPastCap;
        startedThreads.addAll(other.startedThreads);
        other.firstSamples.forEach((thread, theirs) -> {
            FirstSample mine = firstSamples.get(thread);
            if (mine == null) {
                if (firstSamples.size() < options.maxDistinctKeys()) {
                    firstSamples.put(thread, theirs);
                } else {
                    threadsPastCap++;
                    count(thread, theirs);
                }
            } else if (theirs.start().isBefore(mine.start())) {
                count(thread, mine);
                firstSamples.put(thread, theirs);
            } else {
                count(thread, theirs);
            }
        });
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
        long excludedSamples = 0;
        long excludedBytes = 0;
        for (Map.Entry<ThreadRef, FirstSample> entry : firstSamples.entrySet()) {
            ThreadRef thread = entry.getKey();
            if (thread.javaThreadId() > 0 && startedThreads.contains(thread.javaThreadId())) {
                count(thread, entry.getValue());
            } else {
                excludedSamples++;
                excludedBytes += entry.getValue().weight();
            }
        }
        firstSamples.clear();
        Map<Long, ThreadStatistics> byId = new HashMap<>();
        statistics.values().forEach(acc -> byId.merge(acc.thread().id(), acc.result(), ThreadStatistics::latest));
        long sampledThreadsWithoutStatistics = threads.weights().keySet().stream()
                .filter(t -> !byId.containsKey(t.id()))
                .count();
        return new AllocationSummary(
                threads.totalCount() + excludedSamples,
                threads.totalWeight(),
                context.perSecond(threads.totalWeight()),
                classes.top(options.top()),
                sites.top(options.top()),
                threads.top(options.top()),
                Math.max(classes.maxFoldedWeight(), sites.maxFoldedWeight()),
                byId,
                sampledThreadsWithoutStatistics,
                statisticsEventsDropped,
                excludedSamples,
                excludedBytes,
                threadsPastCap,
                options.top(),
                context.settings());
    }
}
