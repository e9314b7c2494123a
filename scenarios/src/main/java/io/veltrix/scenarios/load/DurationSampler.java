package io.veltrix.scenarios.load;

import io.veltrix.scenarios.model.Distribution;

/**
 * A {@link Distribution} compiled for drawing: stateless (the random stream is passed in), allocation free,
 * results in nanoseconds, never negative.
 */
abstract class DurationSampler {

    /** One draw in nanoseconds. */
    abstract long sample(SplitMix64 random);

    static DurationSampler of(Distribution distribution) {
        if (distribution instanceof Distribution.Constant) {
            return new ConstantSampler(
                    ((Distribution.Constant) distribution).value().toNanos());
        }
        if (distribution instanceof Distribution.Uniform) {
            Distribution.Uniform u = (Distribution.Uniform) distribution;
            return new UniformSampler(u.min().toNanos(), u.max().toNanos());
        }
        if (distribution instanceof Distribution.Exponential) {
            return new ExponentialSampler(
                    ((Distribution.Exponential) distribution).mean().toNanos());
        }
        if (distribution instanceof Distribution.LogNormal) {
            Distribution.LogNormal l = (Distribution.LogNormal) distribution;
            return new LogNormalSampler(l.mu(), l.sigma());
        }
        Distribution.Bimodal b = (Distribution.Bimodal) distribution;
        return new BimodalSampler(of(b.first()), of(b.second()), b.secondProbability());
    }

    private static final class ConstantSampler extends DurationSampler {
        private final long nanos;

        ConstantSampler(long nanos) {
            this.nanos = nanos;
        }

        @Override
        long sample(SplitMix64 random) {
            return nanos;
        }
    }

    private static final class UniformSampler extends DurationSampler {
        private final long min;
        private final double width;

        UniformSampler(long min, long max) {
            this.min = min;
            this.width = max - min;
        }

        @Override
        long sample(SplitMix64 random) {
            return min + (long) (random.nextDouble() * width);
        }
    }

    private static final class ExponentialSampler extends DurationSampler {
        private final double mean;

        ExponentialSampler(double mean) {
            this.mean = mean;
        }

        @Override
        long sample(SplitMix64 random) {
            return Math.round(mean * random.nextExponential());
        }
    }

    /** Box-Muller with two uniforms per draw, so every draw takes the same number of steps from the stream. */
    private static final class LogNormalSampler extends DurationSampler {
        private static final double TWO_PI = 2.0 * Math.PI;
        private final double mu;
        private final double sigma;

        LogNormalSampler(double mu, double sigma) {
            this.mu = mu;
            this.sigma = sigma;
        }

        @Override
        long sample(SplitMix64 random) {
            double radius = Math.sqrt(-2.0 * Math.log1p(-random.nextDouble()));
            double normal = radius * Math.cos(TWO_PI * random.nextDouble());
            return Math.round(Math.exp(mu + sigma * normal));
        }
    }

    private static final class BimodalSampler extends DurationSampler {
        private final DurationSampler first;
        private final DurationSampler second;
        private final double secondProbability;

        BimodalSampler(DurationSampler first, DurationSampler second, double secondProbability) {
            this.first = first;
            this.second = second;
            this.secondProbability = secondProbability;
        }

        @Override
        long sample(SplitMix64 random) {
            return random.nextDouble() < secondProbability ? second.sample(random) : first.sample(random);
        }
    }
}
