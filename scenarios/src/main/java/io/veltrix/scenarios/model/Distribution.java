package io.veltrix.scenarios.model;

import java.time.Duration;
import java.util.Objects;

/** A distribution of durations: service times of an event type, or think times of a closed loop. */
public sealed interface Distribution {

    /** The 99th percentile of the standard normal distribution, used to turn a p99 into a lognormal sigma. */
    double Z_99 = 2.3263478740408408;

    /** The distribution's mean in nanoseconds. */
    double meanNanos();

    /** Always {@code value}. */
    record Constant(Duration value) implements Distribution {
        public Constant {
            Checks.notNegative(value, "value");
        }

        @Override
        public double meanNanos() {
            return value.toNanos();
        }
    }

    /** Uniform between {@code min} and {@code max} (inclusive of min). */
    record Uniform(Duration min, Duration max) implements Distribution {
        public Uniform {
            Checks.notNegative(min, "min");
            Checks.notNegative(max, "max");
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("max must be >= min, was " + max + " < " + min);
            }
        }

        @Override
        public double meanNanos() {
            return (min.toNanos() + (double) max.toNanos()) / 2.0;
        }
    }

    /** Exponential with the given mean: memoryless, many short and a few long. */
    record Exponential(Duration mean) implements Distribution {
        public Exponential {
            Checks.positive(mean, "mean");
        }

        @Override
        public double meanNanos() {
            return mean.toNanos();
        }
    }

    /**
     * Lognormal given by its median and its 99th percentile ({@code p99 >= median}), the usual shape of
     * service times: {@code mu = ln(median)}, {@code sigma = ln(p99 / median) / 2.326}.
     */
    record LogNormal(Duration median, Duration p99) implements Distribution {
        public LogNormal {
            Checks.positive(median, "median");
            Checks.positive(p99, "p99");
            if (p99.compareTo(median) < 0) {
                throw new IllegalArgumentException("p99 must be >= median, was " + p99 + " < " + median);
            }
        }

        /** The mean of the underlying normal distribution, ln(nanoseconds). */
        public double mu() {
            return Math.log(median.toNanos());
        }

        /** The standard deviation of the underlying normal distribution. */
        public double sigma() {
            return Math.log((double) p99.toNanos() / median.toNanos()) / Z_99;
        }

        @Override
        public double meanNanos() {
            double sigma = sigma();
            return Math.exp(mu() + sigma * sigma / 2.0);
        }
    }

    /** Draws from {@code second} with probability {@code secondProbability}, otherwise from {@code first}. */
    record Bimodal(Distribution first, Distribution second, double secondProbability) implements Distribution {
        public Bimodal {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
            Checks.fraction(secondProbability, "secondProbability");
        }

        @Override
        public double meanNanos() {
            return (1.0 - secondProbability) * first.meanNanos() + secondProbability * second.meanNanos();
        }
    }
}
