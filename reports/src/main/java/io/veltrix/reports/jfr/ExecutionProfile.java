package io.veltrix.reports.jfr;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the CPU time went, from {@code jdk.ExecutionSample}: each sample is one running Java thread's stack at one
 * moment, so shares of samples estimate shares of CPU time spent in Java code.
 *
 * @param samples number of execution samples
 * @param hotMethods methods by samples in which they were the top frame
 * @param threads threads by samples ({@code sampledThread})
 * @param stacks the sampled stacks, for {@link #writeCollapsed}
 * @param period the sampling period setting; null when unknown
 * @param whyMissing why there are no samples, should there be none
 */
public record ExecutionProfile(
        long samples,
        List<Ranked<String>> hotMethods,
        List<Ranked<ThreadRef>> threads,
        StackTable stacks,
        String period,
        String whyMissing)
        implements ReportSection {

    @Override
    public String key() {
        return "execution";
    }

    @Override
    public String title() {
        return "Hot methods (jdk.ExecutionSample)";
    }

    /**
     * Writes the collapsed stacks in Brendan Gregg's folded format, one {@code root;...;leaf count} line per
     * distinct stack (frames are {@code package.Class.method}), ready for flamegraph.pl or speedscope.
     *
     * @return the number of lines written
     */
    public int writeCollapsed(Appendable out) {
        return stacks.writeCollapsed(out);
    }

    /** Distinct stacks kept for collapsed output. */
    public int distinctStacks() {
        return stacks.distinctStacks();
    }

    @Override
    public void writeTo(SectionWriter out) {
        if (samples == 0) {
            out.missing("samples", "samples", whyMissing);
            return;
        }
        out.estimate("sampled CPU profile: a thread running Java code is sampled every "
                + (period != null ? period : "period (unknown)")
                + "; a method's share of samples in which it is the top frame estimates its share of CPU time in"
                + " Java code (time in native code, waiting or blocked is not sampled here).");
        out.count("samples", "samples", samples);
        out.count("distinctStacks", "distinct stacks", stacks.distinctStacks());
        List<List<Object>> rows = new ArrayList<>();
        for (Ranked<String> m : hotMethods) {
            rows.add(List.of(m.key(), m.count(), 100.0 * m.count() / samples));
        }
        out.table(
                "hotMethods",
                "hot methods (top frame)",
                List.of(
                        new Column("method", "method", Unit.TEXT),
                        new Column("samples", "samples", Unit.COUNT),
                        new Column("percent", "share", Unit.PERCENT)),
                rows);
        List<List<Object>> threadRows = new ArrayList<>();
        for (Ranked<ThreadRef> t : threads) {
            threadRows.add(List.of(t.key().name(), t.key().id(), t.count(), 100.0 * t.count() / samples));
        }
        out.table(
                "threads",
                "samples by thread (sampledThread)",
                List.of(
                        new Column("thread", "thread", Unit.TEXT),
                        new Column("threadId", "tid", Unit.COUNT),
                        new Column("samples", "samples", Unit.COUNT),
                        new Column("percent", "share", Unit.PERCENT)),
                threadRows);
        if (stacks.foldedSamples() > 0) {
            out.note(stacks.foldedSamples() + " samples of rare stacks past the cap of distinct stacks are written"
                    + " as one '" + StackTable.OTHER_STACKS + "' line in collapsed output.");
        }
    }
}
