package io.veltrix.reports.jfr;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import jdk.jfr.consumer.RecordedEvent;
import org.HdrHistogram.Histogram;

/**
 * The Veltrix engine's own events, where a recording has them: latency percentiles rebuilt exactly from the
 * histograms that {@code io.veltrix.LatencyInterval} events carry, throughput and p99 over time, queue depths and
 * capacities from {@code io.veltrix.QueueSnapshot}, capacity changes and dead-letter summaries. Bounded: at most
 * {@link AnalysisOptions#maxDistinctKeys()} series, each timeline at most {@link #MAX_POINTS} seconds (later
 * seconds are still added to the totals).
 */
public final class EngineEventsAggregator implements MergeableAggregator<EngineEventsAggregator> {
    static final String LATENCY = "io.veltrix.LatencyInterval";
    static final String QUEUE = "io.veltrix.QueueSnapshot";
    static final String CAPACITY = "io.veltrix.CapacityChange";
    static final String DEAD_LETTERS = "io.veltrix.DeadLetterSummary";
    static final int MAX_POINTS = 86_400;
    private static final double NS_PER_MS = 1_000_000.0;

    private final int maxKeys;
    /** engine / type / metric -> the sum of its interval histograms. */
    private final Map<String, Histogram> latency = new TreeMap<>();
    /** engine / type -> epoch second -> {completed, p99 ns} of end-to-end latency. */
    private final Map<String, TreeMap<Long, long[]>> timeline = new TreeMap<>();
    /** engine / queue -> {snapshots, max depth, last capacity, last time ms, submitted, completed, rejected, evicted}. */
    private final Map<String, long[]> queues = new TreeMap<>();

    private final Map<String, Long> capacityChanges = new TreeMap<>();
    /** engine / type -> {dead-lettered, budget exhausted, retries}. */
    private final Map<String, long[]> deadLetters = new TreeMap<>();

    private long dropped;

    public EngineEventsAggregator(AnalysisOptions options) {
        this.maxKeys = options.maxDistinctKeys();
    }

    @Override
    public void subscribe(EventSubscriptions subscriptions) {
        subscriptions.on(LATENCY, this::onLatency);
        subscriptions.on(QUEUE, this::onQueue);
        subscriptions.on(CAPACITY, this::onCapacity);
        subscriptions.on(DEAD_LETTERS, this::onDeadLetters);
    }

    private boolean room(Map<String, ?> map, String key) {
        if (map.containsKey(key) || map.size() < maxKeys) {
            return true;
        }
        dropped++;
        return false;
    }

    private void onLatency(RecordedEvent e) {
        String engine = e.getValue("engine");
        String type = e.getValue("eventType");
        String metric = e.getValue("metric");
        Histogram h = decode(e.getValue("histogram"));
        String key = engine + " / " + type + " / " + metric;
        if (room(latency, key)) {
            latency.computeIfAbsent(key, k -> autoResizing()).add(h);
        }
        if ("end-to-end".equals(metric)) {
            String series = engine + " / " + type;
            if (room(timeline, series)) {
                TreeMap<Long, long[]> points = timeline.computeIfAbsent(series, k -> new TreeMap<>());
                long second = e.getEndTime().getEpochSecond();
                long[] p = points.get(second);
                if (p == null && points.size() < MAX_POINTS) {
                    points.put(second, new long[] {h.getTotalCount(), h.getValueAtPercentile(99)});
                } else if (p != null) {
                    p[0] += h.getTotalCount();
                    p[1] = Math.max(p[1], h.getValueAtPercentile(99));
                }
            }
        }
    }

    private void onQueue(RecordedEvent e) {
        String key = e.getValue("engine") + " / " + e.<String>getValue("queue");
        if (!room(queues, key)) {
            return;
        }
        long[] q = queues.computeIfAbsent(key, k -> new long[8]);
        long at = e.getEndTime().toEpochMilli();
        q[0]++;
        q[1] = Math.max(q[1], (long) e.getValue("depth"));
        if (at >= q[3]) {
            q[2] = e.getValue("capacity");
            q[3] = at;
        }
        q[4] += (long) e.getValue("submitted");
        q[5] += (long) e.getValue("completed");
        q[6] += (long) e.getValue("rejected");
        q[7] += (long) e.getValue("evicted");
    }

    private void onCapacity(RecordedEvent e) {
        String key = e.getValue("engine") + " / " + e.<String>getValue("queue");
        if (room(capacityChanges, key)) {
            capacityChanges.merge(key, 1L, Long::sum);
        }
    }

    private void onDeadLetters(RecordedEvent e) {
        String key = e.getValue("engine") + " / " + e.<String>getValue("eventType");
        if (room(deadLetters, key)) {
            long[] d = deadLetters.computeIfAbsent(key, k -> new long[3]);
            d[0] += (long) e.getValue("deadLettered");
            d[1] += (long) e.getValue("budgetExhausted");
            d[2] += (long) e.getValue("retries");
        }
    }

    @Override
    public void merge(EngineEventsAggregator other) {
        other.latency.forEach(
                (k, h) -> latency.computeIfAbsent(k, x -> autoResizing()).add(h));
        other.timeline.forEach((k, points) -> {
            TreeMap<Long, long[]> mine = timeline.computeIfAbsent(k, x -> new TreeMap<>());
            points.forEach((second, p) ->
                    mine.merge(second, p, (a, b) -> new long[] {a[0] + b[0], Math.max(a[1], b[1])}));
        });
        other.queues.forEach((k, q) -> queues.merge(k, q, (a, b) -> {
            long[] m = new long[8];
            m[0] = a[0] + b[0];
            m[1] = Math.max(a[1], b[1]);
            boolean laterB = b[3] >= a[3];
            m[2] = laterB ? b[2] : a[2];
            m[3] = Math.max(a[3], b[3]);
            for (int i = 4; i < 8; i++) {
                m[i] = a[i] + b[i];
            }
            return m;
        }));
        other.capacityChanges.forEach((k, v) -> capacityChanges.merge(k, v, Long::sum));
        other.deadLetters.forEach((k, d) ->
                deadLetters.merge(k, d, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]}));
        dropped += other.dropped;
    }

    @Override
    public ReportSection finish(AnalysisContext context) {
        List<List<Object>> latencyRows = new ArrayList<>();
        latency.forEach((key, h) -> {
            String[] parts = key.split(" / ", 3);
            latencyRows.add(List.of(
                    parts[0],
                    parts[1],
                    parts[2],
                    h.getTotalCount(),
                    h.getValueAtPercentile(50) / NS_PER_MS,
                    h.getValueAtPercentile(90) / NS_PER_MS,
                    h.getValueAtPercentile(99) / NS_PER_MS,
                    h.getValueAtPercentile(99.9) / NS_PER_MS,
                    h.getMaxValue() / NS_PER_MS));
        });
        List<List<Object>> queueRows = new ArrayList<>();
        queues.forEach((key, q) -> {
            String[] parts = key.split(" / ", 2);
            queueRows.add(List.of(
                    parts[0],
                    parts[1],
                    q[0],
                    q[1],
                    q[2],
                    capacityChanges.getOrDefault(key, 0L),
                    q[4],
                    q[5],
                    q[6],
                    q[7]));
        });
        List<List<Object>> deadRows = new ArrayList<>();
        deadLetters.forEach((key, d) -> {
            String[] parts = key.split(" / ", 2);
            deadRows.add(List.of(parts[0], parts[1], d[0], d[1], d[2]));
        });
        List<List<Object>> timelineRows = new ArrayList<>();
        timeline.forEach((key, points) -> {
            String[] parts = key.split(" / ", 2);
            points.forEach((second, p) -> timelineRows.add(List.of(
                    java.time.Instant.ofEpochSecond(second).toString(), parts[0], parts[1], p[0], p[1] / NS_PER_MS)));
        });
        boolean any = !latency.isEmpty() || !queues.isEmpty();
        long droppedKeys = dropped;
        return new ReportSection() {
            @Override
            public String key() {
                return "engine";
            }

            @Override
            public String title() {
                return "Veltrix engine";
            }

            @Override
            public void writeTo(SectionWriter out) {
                if (!any) {
                    out.missing(
                            "latency",
                            "engine events",
                            "the recording has no io.veltrix events (not a Veltrix engine, or they were not enabled)");
                    return;
                }
                out.table(
                        "latency",
                        "Latency (rebuilt exactly from the engine's interval histograms)",
                        List.of(
                                new Column("engine", "engine", Unit.TEXT),
                                new Column("eventType", "event type", Unit.TEXT),
                                new Column("metric", "metric", Unit.TEXT),
                                new Column("count", "count", Unit.COUNT),
                                new Column("p50Ms", "p50", Unit.MILLISECONDS),
                                new Column("p90Ms", "p90", Unit.MILLISECONDS),
                                new Column("p99Ms", "p99", Unit.MILLISECONDS),
                                new Column("p999Ms", "p99.9", Unit.MILLISECONDS),
                                new Column("maxMs", "max", Unit.MILLISECONDS)),
                        latencyRows);
                out.table(
                        "queues",
                        "Queues",
                        List.of(
                                new Column("engine", "engine", Unit.TEXT),
                                new Column("queue", "queue", Unit.TEXT),
                                new Column("snapshots", "snapshots", Unit.COUNT),
                                new Column("maxDepth", "max depth", Unit.COUNT),
                                new Column("lastCapacity", "capacity", Unit.COUNT),
                                new Column("capacityChanges", "changes", Unit.COUNT),
                                new Column("submitted", "submitted", Unit.COUNT),
                                new Column("completed", "completed", Unit.COUNT),
                                new Column("rejected", "rejected", Unit.COUNT),
                                new Column("evicted", "evicted", Unit.COUNT)),
                        queueRows);
                if (!deadRows.isEmpty()) {
                    out.table(
                            "deadLetters",
                            "Dead letters",
                            List.of(
                                    new Column("engine", "engine", Unit.TEXT),
                                    new Column("eventType", "event type", Unit.TEXT),
                                    new Column("deadLettered", "dead-lettered", Unit.COUNT),
                                    new Column("budgetExhausted", "budget exhausted", Unit.COUNT),
                                    new Column("retries", "retries", Unit.COUNT)),
                            deadRows);
                }
                out.table(
                        "timeline",
                        "End-to-end latency per second",
                        List.of(
                                new Column("second", "second", Unit.TIMESTAMP),
                                new Column("engine", "engine", Unit.TEXT),
                                new Column("eventType", "event type", Unit.TEXT),
                                new Column("completed", "completed", Unit.COUNT),
                                new Column("p99Ms", "p99", Unit.MILLISECONDS)),
                        timelineRows);
                out.note(
                        "Percentiles are exact: each io.veltrix.LatencyInterval event carries its interval's HdrHistogram,"
                                + " and the intervals are added. The per-second p99 is the highest interval p99 in that second.");
                if (droppedKeys > 0) {
                    out.note(droppedKeys + " events of series beyond the cap of distinct keys were left out");
                }
            }
        };
    }

    private static Histogram autoResizing() {
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        return h;
    }

    static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IllegalStateException("io.veltrix.LatencyInterval carries a histogram that does not decode", e);
        }
    }
}
