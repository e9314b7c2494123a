package io.veltrix.reports.jfr;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * CPU profile from {@code jdk.ExecutionSample}: hot methods (top frame), samples per thread, and collapsed stacks
 * for flame graphs. The sampled thread is the event's {@code sampledThread} field; its {@code eventThread} is the
 * JFR sampler thread, not the thread that was running.
 */
public final class ExecutionSampleAggregator implements MergeableAggregator<ExecutionSampleAggregator> {

    static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

    /** Per distinct stack trace object: computed once, used by every sample of that stack in the chunk. */
    private record Decoded(String topMethod, StackTable.Stack stack) {}

    private final AnalysisOptions options;
    private final TopCounter<String> methods;
    private final TopCounter<ThreadRef> threads;
    private final StackTable stacks;
    private final IdentityCache<RecordedStackTrace, Decoded> decoded = new IdentityCache<>(65_536);
    private final IdentityCache<RecordedThread, ThreadRef> refOfThread = new IdentityCache<>(65_536);
    private Decoded noStack;

    public ExecutionSampleAggregator(AnalysisOptions options) {
        this.options = options;
        this.methods = new TopCounter<>(options.maxDistinctKeys());
        this.threads = new TopCounter<>(options.maxDistinctKeys());
        this.stacks = new StackTable(options.maxStacks());
    }

    @Override
    public void subscribe(EventSubscriptions subscriptions) {
        subscriptions.on(EXECUTION_SAMPLE, this::onSample);
    }

    private void onSample(RecordedEvent e) {
        RecordedStackTrace trace = e.getValue("stackTrace");
        Decoded d;
        if (trace == null) {
            if (noStack == null) {
                noStack = new Decoded(Frames.NO_STACK, stacks.stackOf(null));
            }
            d = noStack;
        } else {
            d = decoded.get(trace, t -> new Decoded(Frames.topMethod(t), stacks.stackOf(t)));
        }
        methods.add(d.topMethod(), 1);
        stacks.add(d.stack());
        threads.add(refOfThread.get(e.getValue("sampledThread"), ThreadRef::of), 1);
    }

    @Override
    public void merge(ExecutionSampleAggregator other) {
        methods.merge(other.methods);
        threads.merge(other.threads);
        stacks.merge(other.stacks);
    }

    @Override
    public ExecutionProfile finish(AnalysisContext context) {
        return new ExecutionProfile(
                methods.totalCount(),
                methods.top(options.top()),
                threads.top(options.top()),
                stacks,
                context.settings().setting(EXECUTION_SAMPLE, "period"),
                context.settings().whyMissing(EXECUTION_SAMPLE));
    }
}
