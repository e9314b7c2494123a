package io.veltrix.scenarios.model;

import java.util.List;

/** What an SLO measures, with the units its threshold may be given in. */
public enum SloMetric {
    P50("p50", Dimension.TIME),
    P90("p90", Dimension.TIME),
    P99("p99", Dimension.TIME),
    P99_9("p99.9", Dimension.TIME),
    MAX("max", Dimension.TIME),
    /** Completed events per second. */
    THROUGHPUT("throughput", Dimension.RATE),
    /** Events never completed (rejected, evicted, dead-lettered): a count, or a percentage of submitted. */
    LOSS("loss", Dimension.COUNT),
    /** Events dead-lettered (given up on after failures): a count, or a percentage of submitted events. */
    ERRORS("errors", Dimension.COUNT),
    /** Retries scheduled: a count, or a percentage of first attempts (submitted events). */
    RETRIES("retries", Dimension.COUNT),
    /** Bytes allocated per processed event. */
    ALLOC_PER_EVENT("alloc_per_event", Dimension.BYTES),
    /** Bytes allocated per second. */
    ALLOC_RATE("alloc_rate", Dimension.BYTE_RATE),
    /** The longest garbage-collection pause. */
    GC_PAUSE_MAX("gc_pause_max", Dimension.TIME);

    /** The kinds of quantity a metric is; each allows a set of units. */
    public enum Dimension {
        /** Durations: us, ms, s. */
        TIME(List.of(SloUnit.NANOSECONDS)),
        /** Events per second: /s (with k or M). */
        RATE(List.of(SloUnit.PER_SECOND)),
        /** A plain count, or a percentage. */
        COUNT(List.of(SloUnit.COUNT, SloUnit.FRACTION)),
        /** B, KB, MB (1 KB = 1024 B). */
        BYTES(List.of(SloUnit.BYTES)),
        /** B/s, KB/s, MB/s. */
        BYTE_RATE(List.of(SloUnit.BYTES_PER_SECOND));

        private final List<SloUnit> units;

        Dimension(List<SloUnit> units) {
            this.units = units;
        }

        /** The units a threshold of this dimension is stored in. */
        public List<SloUnit> units() {
            return units;
        }
    }

    private final String token;
    private final Dimension dimension;

    SloMetric(String token, Dimension dimension) {
        this.token = token;
        this.dimension = dimension;
    }

    /** The spelling in SLO expressions. */
    public String token() {
        return token;
    }

    /** What kind of quantity this metric is. */
    public Dimension dimension() {
        return dimension;
    }
}
