package io.veltrix.reports.jfr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Allocation figures. Everything from {@code jdk.ObjectAllocationSample} is an estimate (see {@link #writeTo});
 * figures from {@code jdk.ThreadAllocationStatistics} are exact counters, but only for threads alive when one was
 * emitted.
 *
 * @param samples number of {@code jdk.ObjectAllocationSample} events, excluded first samples included
 * @param sampledBytes sum of their weights, without the excluded first samples: estimated bytes allocated during the
 *     recording
 * @param sampledBytesPerSecond {@code sampledBytes} over the recording's duration
 * @param topClasses classes by summed weight, heaviest first
 * @param topSites allocation sites (top stack frame, with line) by summed weight
 * @param topThreads threads by summed weight
 * @param maxFoldedWeight how low a class or site figure may be because the key cap folded keys away (0: none)
 * @param statistics per Java thread id, what {@code jdk.ThreadAllocationStatistics} said
 * @param sampledThreadsWithoutStatistics threads with samples but no {@code jdk.ThreadAllocationStatistics}
 * @param statisticsEventsDropped statistics events left out because their thread was past the key cap
 * @param excludedFirstSamples threads whose first sample was left out of every figure because its weight may reach
 *     back before the recording (no {@code jdk.ThreadStart} of the thread in the analysed files)
 * @param excludedFirstSampleBytes the weight of those samples
 * @param threadsPastCap threads past the key cap, whose first sample was counted like any other
 * @param top rows per table
 * @param settings to say why figures are missing and how samples were throttled
 */
public record AllocationSummary(
        long samples,
        long sampledBytes,
        double sampledBytesPerSecond,
        List<Ranked<String>> topClasses,
        List<Ranked<String>> topSites,
        List<Ranked<ThreadRef>> topThreads,
        long maxFoldedWeight,
        Map<Long, ThreadStatistics> statistics,
        long sampledThreadsWithoutStatistics,
        long statisticsEventsDropped,
        long excludedFirstSamples,
        long excludedFirstSampleBytes,
        long threadsPastCap,
        int top,
        EventSettings settings)
        implements ReportSection {

    private static final List<Column> WEIGHT_COLUMNS = List.of(
            new Column("bytes", "bytes (est.)", Unit.BYTES),
            new Column("percent", "share", Unit.PERCENT),
            new Column("samples", "samples", Unit.COUNT));

    @Override
    public String key() {
        return "allocation";
    }

    @Override
    public String title() {
        return "Allocation (jdk.ObjectAllocationSample, jdk.ThreadAllocationStatistics)";
    }

    /** Bytes allocated between each thread's first and last {@code jdk.ThreadAllocationStatistics}, summed. */
    public long statisticsBytesBetweenObservations() {
        return statistics.values().stream()
                .mapToLong(ThreadStatistics::allocatedBetweenObservations)
                .sum();
    }

    @Override
    public void writeTo(SectionWriter out) {
        if (samples == 0) {
            out.missing("sampledBytes", "allocated (estimate)", settings.whyMissing(AllocationAggregator.SAMPLE));
        } else {
            String throttle = settings.setting(AllocationAggregator.SAMPLE, "throttle");
            out.estimate("sampled allocation: each jdk.ObjectAllocationSample carries a weight, the bytes its thread"
                    + " allocated since its previous sample (throttle " + (throttle != null ? throttle : "unknown")
                    + "). Totals and per-thread figures sum the weights and are close to exact over long windows;"
                    + " per-class and per-site figures credit each sampled object's class and top frame with the"
                    + " whole weight, so they are statistical and improve with more samples. Each thread's first sample"
                    + " is left out unless jdk.ThreadStart shows the thread started during the recording: its weight"
                    + " reaches back before the recording (on JDK 25 to the thread's start).");
            out.count("samples", "samples", samples);
            out.bytes("sampledBytes", "allocated (estimate)", sampledBytes);
            out.value(
                    "sampledBytesPerSecond",
                    "allocation rate (estimate)",
                    sampledBytesPerSecond,
                    Unit.BYTES_PER_SECOND);
            out.table("topClasses", "top allocating classes", withKey("class", "class", Unit.TEXT), rows(topClasses));
            out.table(
                    "topSites", "top allocation sites (top frame)", withKey("site", "site", Unit.TEXT), rows(topSites));
            out.table("threadsSampled", "allocation by thread, from samples (estimate)", threadColumns(), threadRows());
            out.count(
                    "excludedFirstSamples",
                    "first samples left out (threads older than the recording)",
                    excludedFirstSamples);
            out.bytes(
                    "excludedFirstSampleBytes",
                    "their weight (allocated before or since the recording started)",
                    excludedFirstSampleBytes);
            if (threadsPastCap > 0) {
                out.note(threadsPastCap + " threads past the cap of distinct threads had their first sample counted"
                        + " in full: their figures may include allocation from before the recording.");
            }
            if (maxFoldedWeight > 0) {
                out.note("More distinct classes or sites than the cap: lighter ones were folded away, so a figure"
                        + " above may be low by at most " + maxFoldedWeight + " bytes.");
            }
        }
        writeStatistics(out);
    }

    private void writeStatistics(SectionWriter out) {
        if (statistics.isEmpty()) {
            out.missing(
                    "threadStatistics",
                    "allocation by thread, from statistics",
                    settings.whyMissing(AllocationAggregator.THREAD_STATISTICS));
            return;
        }
        List<ThreadStatistics> ranked = new ArrayList<>(statistics.values());
        ranked.sort(Comparator.comparingLong(ThreadStatistics::lastAllocated)
                .reversed()
                .thenComparing(s -> s.thread().name()));
        List<List<Object>> rows = new ArrayList<>();
        for (ThreadStatistics s : ranked.subList(0, Math.min(top, ranked.size()))) {
            rows.add(List.of(
                    s.thread().name(),
                    s.thread().id(),
                    s.lastAllocated(),
                    s.allocatedBetweenObservations(),
                    s.observations()));
        }
        out.bytes(
                "statisticsBytesBetweenObservations",
                "statistics, first to last (exact)",
                statisticsBytesBetweenObservations());
        out.table(
                "threadStatistics",
                "allocation by thread, from jdk.ThreadAllocationStatistics (exact counters)",
                List.of(
                        new Column("thread", "thread", Unit.TEXT),
                        new Column("threadId", "tid", Unit.COUNT),
                        new Column("allocatedBytes", "allocated since thread start", Unit.BYTES),
                        new Column("betweenObservationsBytes", "between first and last", Unit.BYTES),
                        new Column("observations", "observations", Unit.COUNT)),
                rows);
        String period = settings.setting(AllocationAggregator.THREAD_STATISTICS, "period");
        String when = period == null
                ? "periodically (period unknown)"
                : period.contains("Chunk") ? "at chunk boundaries (period " + period + ")" : "every " + period;
        out.note("jdk.ThreadAllocationStatistics gives each live thread's exact cumulative allocation since the thread"
                + " started, emitted " + when
                + "; threads that ended between two emissions are missing from it"
                + (sampledThreadsWithoutStatistics > 0
                        ? " (" + sampledThreadsWithoutStatistics + " threads with allocation samples are absent)"
                        : "")
                + ".");
        if (statisticsEventsDropped > 0) {
            out.note(statisticsEventsDropped + " statistics events of threads past the cap were left out.");
        }
    }

    private static List<Column> withKey(String key, String header, Unit unit) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(key, header, unit));
        columns.addAll(WEIGHT_COLUMNS);
        return columns;
    }

    private List<List<Object>> rows(List<Ranked<String>> entries) {
        List<List<Object>> rows = new ArrayList<>();
        for (Ranked<String> e : entries) {
            rows.add(List.of(e.key(), e.weight(), share(e.weight()), e.count()));
        }
        return rows;
    }

    private List<Column> threadColumns() {
        return List.of(
                new Column("thread", "thread", Unit.TEXT),
                new Column("threadId", "tid", Unit.COUNT),
                new Column("bytes", "bytes (est.)", Unit.BYTES),
                new Column("percent", "share", Unit.PERCENT),
                new Column("samples", "samples", Unit.COUNT),
                new Column("statisticsAllocatedBytes", "statistics: since start", Unit.BYTES));
    }

    private List<List<Object>> threadRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (Ranked<ThreadRef> e : topThreads) {
            ThreadStatistics s = statistics.get(e.key().id());
            List<Object> row = new ArrayList<>();
            row.add(e.key().name());
            row.add(e.key().id());
            row.add(e.weight());
            row.add(share(e.weight()));
            row.add(e.count());
            row.add(s == null ? null : s.lastAllocated());
            rows.add(row);
        }
        return rows;
    }

    private double share(long weight) {
        return sampledBytes == 0 ? 0 : 100.0 * weight / sampledBytes;
    }
}
