package io.veltrix.scenarios.load;

import io.veltrix.scenarios.model.LoadModel;
import java.util.List;

/**
 * An open load's rate over time as consecutive segments, each with a rate that is constant or moves linearly.
 * Arrival {@code k} is due when the integrated rate reaches {@code k} (evenly spaced arrivals), or when a running
 * sum of exponential draws does (a Poisson process of that rate): both map a point of "integrated rate" back to a
 * time, exactly, through {@link Segment#offsetNanos}.
 *
 * <p>Times are nanoseconds from the start of the run; rates are events per nanosecond.
 */
abstract class RateProfile {
    private static final double PER_SECOND_TO_PER_NANO = 1e-9;

    /** One segment; a mutable holder that profiles fill, so walking them allocates nothing. */
    static final class Segment {
        /** Start, ns from the start of the run. */
        double startNanos;
        /** Length in ns; {@link Double#POSITIVE_INFINITY} for a last segment that holds forever. */
        double lengthNanos;
        /** Rate at the start, events per ns. */
        double rate;
        /** Change of rate per ns, events per ns². */
        double slope;
        /** Whether arrivals in this segment are a Poisson process rather than evenly spaced. */
        boolean poisson;
        /** 1 / rate, ns per event: exact for rates that divide a second, where rate itself is not. */
        double nanosPerEvent;

        void set(double startNanos, double lengthNanos, double ratePerSecond, double slopePerSecond, boolean poisson) {
            this.startNanos = startNanos;
            this.lengthNanos = lengthNanos;
            this.rate = ratePerSecond * PER_SECOND_TO_PER_NANO;
            this.slope = slopePerSecond * PER_SECOND_TO_PER_NANO;
            this.poisson = poisson;
            this.nanosPerEvent = 1e9 / ratePerSecond;
        }

        /** The integrated rate over the first {@code nanos} of the segment: expected arrivals. */
        double massWithin(double nanos) {
            if (nanos <= 0) {
                return 0.0;
            }
            if (rate == 0.0 && slope == 0.0) {
                return 0.0;
            }
            if (slope == 0.0) {
                // The inverse of offsetNanos, so that segment boundaries fall on whole arrivals where they should.
                return nanos / nanosPerEvent;
            }
            return rate * nanos + 0.5 * slope * nanos * nanos;
        }

        /** The whole segment's integrated rate (infinite for an endless segment with arrivals). */
        double mass() {
            return massWithin(lengthNanos);
        }

        /** The time into the segment at which the integrated rate reaches {@code lambda} (0 <= lambda <= mass). */
        double offsetNanos(double lambda) {
            if (lambda <= 0.0) {
                return 0.0;
            }
            if (slope == 0.0) {
                return lambda * nanosPerEvent;
            }
            // Solves rate * t + slope * t² / 2 = lambda in the form that stays exact when slope is tiny.
            return 2.0 * lambda / (rate + Math.sqrt(rate * rate + 2.0 * slope * lambda));
        }
    }

    /**
     * Fills segment {@code index} (0 is the first, starting at time 0; they follow without gaps).
     *
     * @return false when there is no such segment
     */
    abstract boolean segment(int index, Segment out);

    /** The expected number of arrivals in {@code [0, endNanos)}. */
    double expectedArrivals(long endNanos) {
        Segment segment = new Segment();
        double total = 0.0;
        for (int i = 0; segment(i, segment) && segment.startNanos < endNanos; i++) {
            total += segment.massWithin(Math.min(segment.lengthNanos, endNanos - segment.startNanos));
        }
        return total;
    }

    /** The profile of an open load model. */
    static RateProfile of(LoadModel load) {
        if (load instanceof LoadModel.Constant) {
            return new Piecewise(
                    new double[][] {{0, Double.POSITIVE_INFINITY, ((LoadModel.Constant) load).ratePerSecond(), 0}},
                    false);
        }
        if (load instanceof LoadModel.Poisson) {
            return new Piecewise(
                    new double[][] {{0, Double.POSITIVE_INFINITY, ((LoadModel.Poisson) load).ratePerSecond(), 0}},
                    true);
        }
        if (load instanceof LoadModel.Ramp) {
            LoadModel.Ramp ramp = (LoadModel.Ramp) load;
            double over = ramp.over().toNanos();
            double slopePerSecond = (ramp.toPerSecond() - ramp.fromPerSecond()) / over;
            return new Piecewise(
                    new double[][] {
                        {0, over, ramp.fromPerSecond(), slopePerSecond},
                        {over, Double.POSITIVE_INFINITY, ramp.toPerSecond(), 0}
                    },
                    ramp.poisson());
        }
        if (load instanceof LoadModel.Steps) {
            return steps(((LoadModel.Steps) load).phases());
        }
        if (load instanceof LoadModel.Spike) {
            return new SpikeProfile((LoadModel.Spike) load);
        }
        throw new IllegalArgumentException("a closed load has no rate profile: " + load);
    }

    private static RateProfile steps(List<LoadModel.Phase> phases) {
        double[][] rows = new double[phases.size()][];
        boolean[] poisson = new boolean[phases.size()];
        double start = 0;
        for (int i = 0; i < rows.length; i++) {
            LoadModel.Phase phase = phases.get(i);
            double length = i == rows.length - 1
                    ? Double.POSITIVE_INFINITY
                    : phase.duration().toNanos();
            rows[i] = new double[] {start, length, phase.ratePerSecond(), 0};
            poisson[i] = phase.poisson();
            start += length;
        }
        return new Piecewise(rows, poisson);
    }

    /** A fixed list of segments: {start ns, length ns, rate events/s, slope events/s per ns}. */
    private static final class Piecewise extends RateProfile {
        private final double[][] rows;
        private final boolean[] poisson;

        Piecewise(double[][] rows, boolean poisson) {
            this(rows, filled(rows.length, poisson));
        }

        Piecewise(double[][] rows, boolean[] poisson) {
            this.rows = rows;
            this.poisson = poisson;
        }

        private static boolean[] filled(int n, boolean value) {
            boolean[] flags = new boolean[n];
            java.util.Arrays.fill(flags, value);
            return flags;
        }

        @Override
        boolean segment(int index, Segment out) {
            if (index >= rows.length) {
                return false;
            }
            double[] row = rows[index];
            out.set(row[0], row[1], row[2], row[3], poisson[index]);
            return true;
        }
    }

    /** Base rate, with a spike at every multiple of the period: segments base, peak, base, peak, ... */
    private static final class SpikeProfile extends RateProfile {
        private final double period;
        private final double spike;
        private final double base;
        private final double peak;
        private final boolean poisson;

        SpikeProfile(LoadModel.Spike load) {
            this.period = load.every().toNanos();
            this.spike = load.spikeDuration().toNanos();
            this.base = load.basePerSecond();
            this.peak = load.peakPerSecond();
            this.poisson = load.poisson();
        }

        /** Closed form: walking the segments of a short period over a long run would take too long. */
        @Override
        double expectedArrivals(long endNanos) {
            double seconds = 1e-9;
            double end = endNanos;
            if (end <= period) {
                return base * end * seconds;
            }
            double afterFirst = end - period;
            double periods = Math.floor(afterFirst / period);
            double rest = afterFirst - periods * period;
            double perPeriod = (peak * spike + base * (period - spike)) * seconds;
            double partial = (peak * Math.min(rest, spike) + base * Math.max(0.0, rest - spike)) * seconds;
            return base * period * seconds + periods * perPeriod + partial;
        }

        @Override
        boolean segment(int index, Segment out) {
            if (index == 0) {
                out.set(0, period, base, 0, poisson);
            } else {
                long j = (index + 1) / 2;
                if (index % 2 == 1) {
                    out.set(j * period, spike, peak, 0, poisson);
                } else {
                    out.set(j * period + spike, period - spike, base, 0, poisson);
                }
            }
            return true;
        }
    }
}
