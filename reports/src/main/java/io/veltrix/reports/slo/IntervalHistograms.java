package io.veltrix.reports.slo;

import io.veltrix.scenarios.results.HlogTags;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * One strategy's end-to-end latencies interval by interval over the measured part, as the runner writes them to
 * {@code <strategy>.hlog}: per interval (about a second), one histogram per event type ({@code Tag=<type>}) and one
 * of every type together (no tag), in nanoseconds from each event's intended time; and, in logs written since they
 * were kept, each type's other latency kinds ({@code Tag=<kind>:<type>}) and the generator's lag (see {@link
 * HlogTags}). This is what windowed SLOs add
 * up: percentiles of a window come from the sum of its intervals' histograms, never from an average of per-second
 * percentiles, so a stall of a few seconds shows in full in every window that holds it.
 */
public final class IntervalHistograms {
    /** Intervals starting this close together (seconds) are the same interval: the log keeps milliseconds. */
    static final double SAME_START = 0.005;

    /**
     * One interval.
     *
     * @param start its start, seconds from the start of the run (warm-up included)
     * @param end its end, seconds from the start of the run
     * @param total every event type's latencies together (ns)
     * @param byType each event type's latencies (ns), by name
     * @param kinds each other latency kind's histograms (ns), by kind then event type; empty in older logs
     * @param lag the generator's lag in the interval (ns), or null (older logs, closed loads)
     */
    public record Interval(
            double start,
            double end,
            Histogram total,
            Map<String, Histogram> byType,
            Map<HlogTags.Kind, Map<String, Histogram>> kinds,
            Histogram lag) {
        public Interval {
            Objects.requireNonNull(total, "total");
            byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
            Map<HlogTags.Kind, Map<String, Histogram>> copy = new EnumMap<>(HlogTags.Kind.class);
            kinds.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
            kinds = Collections.unmodifiableMap(copy);
        }

        /** An interval of end-to-end latencies only. */
        public Interval(double start, double end, Histogram total, Map<String, Histogram> byType) {
            this(start, end, total, byType, Map.of(), null);
        }

        /** Kind {@code kind}'s histogram of event type {@code type} in this interval, or null when not logged. */
        public Histogram kind(HlogTags.Kind kind, String type) {
            Map<String, Histogram> byKind = kinds.get(kind);
            return byKind == null ? null : byKind.get(type);
        }
    }

    private final List<Interval> intervals;
    private final long startEpochMillis;

    private IntervalHistograms(List<Interval> intervals, long startEpochMillis) {
        this.intervals = List.copyOf(intervals);
        this.startEpochMillis = startEpochMillis;
    }

    /** Intervals built elsewhere (in order of their start), of a run that started at epoch 0. */
    public static IntervalHistograms of(List<Interval> intervals) {
        return new IntervalHistograms(intervals, 0);
    }

    /** Reads the content of an {@code .hlog} file. */
    public static IntervalHistograms read(byte[] hlog) throws IOException {
        return read(new ByteArrayInputStream(hlog));
    }

    /**
     * Reads an HdrHistogram log of the runner's shape.
     *
     * @throws IOException when the log cannot be read or decoded
     */
    public static IntervalHistograms read(InputStream in) throws IOException {
        List<Histogram> read = new ArrayList<>();
        double startSeconds;
        try (HistogramLogReader reader = new HistogramLogReader(in)) {
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                if (!(h instanceof Histogram)) {
                    throw new IOException("the log holds " + h.getClass().getSimpleName()
                            + " intervals; expected integer histograms of nanoseconds");
                }
                read.add((Histogram) h);
            }
            startSeconds = reader.getStartTimeSec();
        } catch (RuntimeException e) {
            throw new IOException("not a readable HdrHistogram log: " + e.getMessage(), e);
        }
        List<Interval> intervals = new ArrayList<>();
        long startMillis = Math.round(startSeconds * 1000);
        int i = 0;
        while (i < read.size()) {
            long groupStart = read.get(i).getStartTimeStamp();
            Histogram total = null;
            Map<String, Histogram> byType = new LinkedHashMap<>();
            Map<HlogTags.Kind, Map<String, Histogram>> kinds = new EnumMap<>(HlogTags.Kind.class);
            Histogram lag = null;
            long groupEnd = read.get(i).getEndTimeStamp();
            for (; i < read.size() && read.get(i).getStartTimeStamp() == groupStart; i++) {
                Histogram h = read.get(i);
                groupEnd = Math.max(groupEnd, h.getEndTimeStamp());
                String tag = h.getTag();
                HlogTags.Kind kind = HlogTags.Kind.ofTag(tag);
                if (tag == null) {
                    total = h;
                } else if (HlogTags.isEndToEndOfType(tag)) {
                    byType.put(tag, h);
                } else if (kind != null) {
                    kinds.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(HlogTags.typeOf(tag), h);
                } else if (HlogTags.LAG.equals(tag)) {
                    lag = h;
                }
                // Any other tag is of a later writer: left out.
            }
            if (total == null) {
                total = new Histogram(3);
                for (Histogram h : byType.values()) {
                    total.add(h);
                }
            }
            intervals.add(new Interval(
                    (groupStart - startMillis) / 1000.0, (groupEnd - startMillis) / 1000.0, total, byType, kinds, lag));
        }
        return new IntervalHistograms(intervals, startMillis);
    }

    /**
     * Each strategy's intervals from the content of its {@code .hlog}, as a bench returns them. A log that cannot be
     * read is left out: windowed latency SLOs of that strategy then get "no data", saying the log is missing.
     */
    public static Map<String, IntervalHistograms> readAll(Map<String, byte[]> hlogs) {
        Map<String, IntervalHistograms> all = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : hlogs.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            try {
                all.put(e.getKey(), read(e.getValue()));
            } catch (IOException ignored) {
                // Reported by the verdicts that needed it.
            }
        }
        return all;
    }

    /**
     * Whether the log keeps the other latency kinds ({@code <kind>:<type>} tags): false for a log written before they
     * were kept, and for one with no interval.
     */
    public boolean hasKinds() {
        return intervals.stream().anyMatch(i -> !i.kinds().isEmpty());
    }

    /** Whether the log keeps the generator's lag ({@code lag:generator}): never for a closed load or an older log. */
    public boolean hasLag() {
        return intervals.stream().anyMatch(i -> i.lag() != null);
    }

    /** The intervals, in order. */
    public List<Interval> intervals() {
        return intervals;
    }

    /**
     * The run's start on the wall clock (the log's {@code #[StartTime: ...]}, epoch milliseconds), from which the
     * intervals' starts and ends are counted; 0 for intervals built with {@link #of}.
     */
    public long startEpochMillis() {
        return startEpochMillis;
    }

    /** The interval that starts at {@code start} (seconds from the start of the run, to the millisecond), or null. */
    Interval startingAt(double start) {
        for (Interval interval : intervals) {
            if (Math.abs(interval.start() - start) <= SAME_START) {
                return interval;
            }
        }
        return null;
    }
}
