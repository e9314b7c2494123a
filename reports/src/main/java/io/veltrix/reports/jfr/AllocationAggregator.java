package io.veltrix.reports.jfr;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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

    private static final int WEIGHT = 0;
    private static final int OBJECT_CLASS = 1;
    private static final int STACK_TRACE = 2;
    private static final int EVENT_THREAD = 3;

    /** A thread's earliest sample so far, not yet counted; its start in nanoseconds since the epoch. */
    private record FirstSample(long startNanos, long weight, String className, String site) {}

    /**
     * One thread: its handle in the thread table and, while it is held apart, its earliest sample so far. A thread
     * past the cap of tracked threads is not tracked: all its samples count in full.
     */
    static final class ThreadState {
        final TopCounter.Handle<ThreadRef> handle;
        final boolean tracked;
        FirstSample first;

        ThreadState(TopCounter.Handle<ThreadRef> handle, boolean tracked) {
            this.handle = handle;
            this.tracked = tracked;
        }
    }

    private final AnalysisOptions options;
    private final TopCounter<String> classes;
    private final TopCounter<String> sites;
    private final TopCounter<ThreadRef> threads;
    private final FieldNames sampleFields = new FieldNames("weight", "objectClass", "stackTrace", "eventThread");
    // Per distinct object of a chunk (the parser resolves each stack, class and thread once per chunk): the key of
    // the tables, decoded once, with its table cell.
    private final IdentityCache<RecordedStackTrace, TopCounter.Handle<String>> siteOfStack =
            new IdentityCache<>(65_536);
    private final IdentityCache<RecordedClass, TopCounter.Handle<String>> nameOfClass = new IdentityCache<>(65_536);
    private final IdentityCache<RecordedThread, ThreadState> stateOfThread = new IdentityCache<>(65_536);
    private final IdentityCache<RecordedThread, ThreadRef> refOfThread = new IdentityCache<>(65_536);
    /** Per thread, at most {@link AnalysisOptions#maxDistinctKeys()}; the threads past it count in full. */
    private final Map<ThreadRef, ThreadState> threadStates = new HashMap<>();

    private final Map<ThreadRef, ThreadStatistics.Accumulator> statistics = new HashMap<>();
    private long statisticsEventsDropped;
    private final Set<Long> startedThreads = new HashSet<>();
    private long threadsPastCap;
    // Made once: a lambda that uses a field is a new object at each evaluation.
    private final Function<RecordedClass, TopCounter.Handle<String>> classHandle;
    private final Function<RecordedStackTrace, TopCounter.Handle<String>> siteHandle;
    private final Function<RecordedThread, ThreadState> threadState = this::stateOf;

    public AllocationAggregator(AnalysisOptions options) {
        this.options = options;
        this.classes = new TopCounter<>(options.maxDistinctKeys());
        this.sites = new TopCounter<>(options.maxDistinctKeys());
        this.threads = new TopCounter<>(options.maxDistinctKeys());
        this.classHandle = type -> classes.handle(Frames.className(type));
        this.siteHandle = stack -> sites.handle(Frames.topSite(stack));
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
        String[] field = sampleFields.of(e);
        long weight = e.getLong(field[WEIGHT]);
        RecordedClass type = e.getValue(field[OBJECT_CLASS]);
        RecordedStackTrace stack = e.getValue(field[STACK_TRACE]);
        RecordedThread thread = e.getValue(field[EVENT_THREAD]);
        TopCounter.Handle<String> typeKey = nameOfClass.get(type, classHandle);
        TopCounter.Handle<String> siteKey = siteOfStack.get(stack, siteHandle);
        ThreadState state = stateOfThread.get(thread, threadState);
        if (!state.tracked) {
            count(state.handle, weight, typeKey, siteKey);
            return;
        }
        Instant start = e.getStartTime();
        onSample(start.getEpochSecond() * 1_000_000_000L + start.getNano(), weight, typeKey, siteKey, state);
    }

    /**
     * Counts one allocation sample: the second way in, used by {@link AllocationSampleReader}, which decodes the
     * samples itself and resolves each class, stack and thread once per chunk through {@link #classHandle},
     * {@link #siteHandle} and {@link #threadState}; the JDK path above ends here too, so both apply the same rules.
     *
     * @param startNanos the sample's start time, nanoseconds since the epoch
     */
    void onSample(
            long startNanos,
            long weight,
            TopCounter.Handle<String> typeKey,
            TopCounter.Handle<String> siteKey,
            ThreadState state) {
        if (!state.tracked) {
            count(state.handle, weight, typeKey, siteKey);
            return;
        }
        FirstSample first = state.first;
        if (first == null) {
            state.first = new FirstSample(startNanos, weight, typeKey.key(), siteKey.key());
        } else if (startNanos < first.startNanos()) {
            count(state.handle.key(), first);
            state.first = new FirstSample(startNanos, weight, typeKey.key(), siteKey.key());
        } else {
            count(state.handle, weight, typeKey, siteKey);
        }
    }

    /** A handle on a class name (as {@link Frames#className} writes it) in the class table. */
    TopCounter.Handle<String> classHandle(String className) {
        return classes.handle(className);
    }

    /** A handle on a site (as {@link Frames#topSite} writes it) in the site table. */
    TopCounter.Handle<String> siteHandle(String site) {
        return sites.handle(site);
    }

    /** The state of {@code thread}'s Java thread, shared by the thread objects of every chunk. */
    private ThreadState stateOf(RecordedThread thread) {
        return threadState(refOfThread.get(thread, ThreadRef::of));
    }

    /** The state of a thread, created on first sight. */
    ThreadState threadState(ThreadRef ref) {
        ThreadState state = threadStates.get(ref);
        if (state == null) {
            boolean tracked = threadStates.size() < options.maxDistinctKeys();
            state = new ThreadState(threads.handle(ref), tracked);
            if (tracked) {
                threadStates.put(ref, state);
            } else {
                threadsPastCap++;
            }
        }
        return state;
    }

    private void count(
            TopCounter.Handle<ThreadRef> thread,
            long weight,
            TopCounter.Handle<String> className,
            TopCounter.Handle<String> site) {
        classes.add(className, weight);
        sites.add(site, weight);
        threads.add(thread, weight);
    }

    private void count(ThreadRef thread, FirstSample sample) {
        classes.add(sample.className(), sample.weight());
        sites.add(sample.site(), sample.weight());
        threads.add(thread, sample.weight());
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
        other.threadStates.forEach((thread, theirs) -> {
            if (theirs.first == null) {
                return;
            }
            ThreadState mine = threadStates.get(thread);
            if (mine == null && threadStates.size() < options.maxDistinctKeys()) {
                mine = new ThreadState(threads.handle(thread), true);
                threadStates.put(thread, mine);
            }
            if (mine == null || !mine.tracked) {
                threadsPastCap++;
                count(thread, theirs.first);
            } else if (mine.first == null) {
                mine.first = theirs.first;
            } else if (theirs.first.startNanos() < mine.first.startNanos()) {
                count(thread, mine.first);
                mine.first = theirs.first;
            } else {
                count(thread, theirs.first);
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
        for (Map.Entry<ThreadRef, ThreadState> entry : threadStates.entrySet()) {
            ThreadRef thread = entry.getKey();
            FirstSample first = entry.getValue().first;
            if (first == null) {
                continue;
            }
            if (thread.javaThreadId() > 0 && startedThreads.contains(thread.javaThreadId())) {
                count(thread, first);
            } else {
                excludedSamples++;
                excludedBytes += first.weight();
            }
            entry.getValue().first = null;
        }
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
