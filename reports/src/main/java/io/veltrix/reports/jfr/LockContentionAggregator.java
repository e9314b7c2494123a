package io.veltrix.reports.jfr;

import java.util.List;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Lock contention: threads blocked entering a {@code synchronized} monitor ({@code jdk.JavaMonitorEnter}) and
 * threads parked, e.g. on a {@code java.util.concurrent} lock or queue ({@code jdk.ThreadPark}); by class of the
 * monitor or blocker and by site, weighted by time blocked.
 */
public final class LockContentionAggregator implements MergeableAggregator<LockContentionAggregator> {

    static final String MONITOR_ENTER = "jdk.JavaMonitorEnter";
    static final String THREAD_PARK = "jdk.ThreadPark";

    private final AnalysisOptions options;
    private final Blocking monitors;
    private final Blocking parks;

    public LockContentionAggregator(AnalysisOptions options) {
        this.options = options;
        this.monitors = new Blocking(options.maxDistinctKeys());
        this.parks = new Blocking(options.maxDistinctKeys());
    }

    @Override
    public void subscribe(EventSubscriptions subscriptions) {
        subscriptions.on(MONITOR_ENTER, e -> monitors.add(e, e.getClass("monitorClass")));
        subscriptions.on(THREAD_PARK, e -> parks.add(e, e.getClass("parkedClass")));
    }

    @Override
    public void merge(LockContentionAggregator other) {
        monitors.merge(other.monitors);
        parks.merge(other.parks);
    }

    @Override
    public LockContention finish(AnalysisContext context) {
        EventSettings settings = context.settings();
        return new LockContention(
                monitors.result(MONITOR_ENTER, options.top(), settings),
                parks.result(THREAD_PARK, options.top(), settings));
    }

    /** Time blocked, by class and by site, for one event type. */
    private static final class Blocking {
        private final TopCounter<String> classes;
        private final TopCounter<String> sites;
        private final IdentityCache<RecordedStackTrace, String> siteOfStack = new IdentityCache<>(65_536);
        private final IdentityCache<RecordedClass, String> nameOfClass = new IdentityCache<>(65_536);
        private long maxNanos;

        Blocking(int maxKeys) {
            classes = new TopCounter<>(maxKeys);
            sites = new TopCounter<>(maxKeys);
        }

        void merge(Blocking other) {
            classes.merge(other.classes);
            sites.merge(other.sites);
            maxNanos = Math.max(maxNanos, other.maxNanos);
        }

        void add(RecordedEvent e, RecordedClass blocker) {
            long nanos = e.getDuration().toNanos();
            maxNanos = Math.max(maxNanos, nanos);
            String name = blocker == null ? "[no blocker object]" : nameOfClass.get(blocker, Frames::className);
            classes.add(name, nanos);
            sites.add(siteOfStack.get(e.getStackTrace(), Blocking::firstCallerSite), nanos);
        }

        /**
         * The first frame outside the parking and lock machinery ({@code Unsafe.park}, {@code LockSupport},
         * {@code java.util.concurrent.locks}): where the application waited, e.g. the caller of
         * {@code ReentrantLock.lock} or {@code ArrayBlockingQueue.take}.
         */
        private static String firstCallerSite(RecordedStackTrace stack) {
            List<RecordedFrame> frames = stack == null ? List.of() : stack.getFrames();
            for (RecordedFrame frame : frames) {
                String method = Frames.method(frame);
                if (!method.startsWith("jdk.internal.misc.Unsafe.")
                        && !method.startsWith("sun.misc.Unsafe.")
                        && !method.startsWith("java.util.concurrent.locks.")) {
                    return Frames.site(frame);
                }
            }
            return frames.isEmpty() ? Frames.NO_STACK : Frames.site(frames.get(0));
        }

        LockContention.Blocked result(String eventType, int top, EventSettings settings) {
            return new LockContention.Blocked(
                    eventType,
                    classes.totalCount(),
                    classes.totalWeight(),
                    maxNanos,
                    classes.top(top),
                    sites.top(top),
                    settings.setting(eventType, "threshold"),
                    settings.whyMissing(eventType));
        }
    }
}
