package io.veltrix.scenarios.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The arrival process. Open models ({@link Constant}, {@link Poisson}, {@link Ramp}, {@link Steps}, {@link Spike})
 * say when each event is due, whatever the system does; the closed model ({@link Closed}) has a fixed number
 * of submitters that each wait for their event to finish, then think, then submit the next.
 *
 * <p>Rates are in events per second. Open-model times count from the start of the run, warm-up included.
 */
public sealed interface LoadModel {

    /** Whether arrivals are due at set times (open) rather than driven by completions (closed). */
    default boolean isOpen() {
        return !(this instanceof Closed);
    }

    /** Evenly spaced arrivals at {@code ratePerSecond} (events/s, positive). */
    record Constant(double ratePerSecond) implements LoadModel {
        public Constant {
            positiveRate(ratePerSecond, "ratePerSecond");
        }
    }

    /** A Poisson process: exponential inter-arrival times with mean {@code 1 / ratePerSecond} seconds. */
    record Poisson(double ratePerSecond) implements LoadModel {
        public Poisson {
            positiveRate(ratePerSecond, "ratePerSecond");
        }
    }

    /**
     * A rate moving linearly from {@code fromPerSecond} to {@code toPerSecond} over {@code over}, then holding
     * at {@code toPerSecond}. Arrival {@code k} is due when the integrated rate reaches {@code k}.
     *
     * @param poisson whether arrivals are a Poisson process of that varying rate rather than evenly spaced
     */
    record Ramp(double fromPerSecond, double toPerSecond, Duration over, boolean poisson) implements LoadModel {
        public Ramp {
            positiveRate(fromPerSecond, "fromPerSecond");
            positiveRate(toPerSecond, "toPerSecond");
            Checks.positive(over, "over");
        }
    }

    /** Consecutive phases of constant rate; the last phase's rate holds until the run ends. */
    record Steps(List<Phase> phases) implements LoadModel {
        public Steps {
            phases = List.copyOf(phases);
            if (phases.isEmpty()) {
                throw new IllegalArgumentException("phases must not be empty");
            }
            if (phases.stream().noneMatch(p -> p.ratePerSecond() > 0)) {
                throw new IllegalArgumentException("at least one phase must have a positive rate");
            }
        }
    }

    /**
     * One phase of a {@link Steps} load.
     *
     * @param ratePerSecond events/s, zero (a quiet phase) or positive
     * @param duration how long the phase lasts, positive
     * @param poisson whether arrivals in this phase are a Poisson process rather than evenly spaced
     */
    record Phase(double ratePerSecond, Duration duration, boolean poisson) {
        public Phase {
            Checks.rate(ratePerSecond, "ratePerSecond");
            Checks.positive(duration, "duration");
        }
    }

    /**
     * A base rate with a spike to {@code peakPerSecond} lasting {@code spikeDuration} at every multiple of
     * {@code every} (the first at {@code every}).
     */
    record Spike(double basePerSecond, double peakPerSecond, Duration every, Duration spikeDuration, boolean poisson)
            implements LoadModel {
        public Spike {
            Checks.rate(basePerSecond, "basePerSecond");
            positiveRate(peakPerSecond, "peakPerSecond");
            Checks.positive(every, "every");
            Checks.positive(spikeDuration, "spikeDuration");
            if (spikeDuration.compareTo(every) >= 0) {
                throw new IllegalArgumentException("spikeDuration must be shorter than every");
            }
        }
    }

    /**
     * A closed loop: {@code concurrency} submitters, each submitting one event, waiting for it to finish, then
     * waiting a think time drawn from {@code thinkTime} before the next.
     */
    record Closed(int concurrency, Distribution thinkTime) implements LoadModel {
        public Closed {
            Checks.atLeast(concurrency, 1, "concurrency");
            Objects.requireNonNull(thinkTime, "thinkTime");
        }
    }

    private static void positiveRate(double value, String parameter) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(parameter + " must be a finite rate > 0 events/s, was " + value);
        }
    }
}
