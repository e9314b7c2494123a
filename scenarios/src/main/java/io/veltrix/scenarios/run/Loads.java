package io.veltrix.scenarios.run;

import io.veltrix.scenarios.load.Schedule;
import io.veltrix.scenarios.model.LoadModel;
import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.parse.Quantities;
import java.util.ArrayList;
import java.util.List;

/**
 * Scaling an open load to a mean rate ({@code --rate}), and describing a load in one line.
 *
 * <p>Scaling multiplies every rate of the load by the same factor, {@code target / mean}, where {@code mean} is the
 * load's expected number of arrivals over the whole run (warm-up included) divided by the run's length. The shape is
 * kept, so the mean over the run becomes the target:
 *
 * <ul>
 *   <li>{@code constant}, {@code poisson}: the rate becomes the target;
 *   <li>{@code ramp}: {@code from} and {@code to} are both scaled (the ramp keeps its length);
 *   <li>{@code steps}: every phase's rate is scaled (quiet phases stay quiet);
 *   <li>{@code spike}: {@code base} and {@code peak} are both scaled (spikes keep their timing).
 * </ul>
 *
 * A closed load has no rate to scale.
 */
public final class Loads {
    private Loads() {}

    /** The load's mean rate over the run, events per second (NaN for a closed load). */
    public static double meanRate(Scenario scenario) {
        return Schedule.of(scenario).expectedArrivals() / (scenario.runLength().toNanos() / 1e9);
    }

    /**
     * The scenario with its open load scaled to a mean of {@code ratePerSecond} over the run.
     *
     * @throws IllegalArgumentException for a closed load, or a rate that is not positive and finite
     */
    public static Scenario scaledTo(Scenario scenario, double ratePerSecond) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be positive and finite, was " + ratePerSecond);
        }
        LoadModel load = scenario.load();
        if (!load.isOpen()) {
            throw new IllegalArgumentException("a closed load has no arrival rate to scale");
        }
        double factor = ratePerSecond / meanRate(scenario);
        return new Scenario(
                scenario.name(),
                scenario.description(),
                scenario.seed(),
                scenario.duration(),
                scenario.warmup(),
                scaled(load, factor),
                scenario.events(),
                scenario.engine(),
                scenario.strategies(),
                scenario.slos());
    }

    static LoadModel scaled(LoadModel load, double f) {
        if (load instanceof LoadModel.Constant c) {
            return new LoadModel.Constant(c.ratePerSecond() * f);
        }
        if (load instanceof LoadModel.Poisson p) {
            return new LoadModel.Poisson(p.ratePerSecond() * f);
        }
        if (load instanceof LoadModel.Ramp r) {
            return new LoadModel.Ramp(r.fromPerSecond() * f, r.toPerSecond() * f, r.over(), r.poisson());
        }
        if (load instanceof LoadModel.Steps s) {
            List<LoadModel.Phase> phases = new ArrayList<>();
            for (LoadModel.Phase p : s.phases()) {
                phases.add(new LoadModel.Phase(p.ratePerSecond() * f, p.duration(), p.poisson()));
            }
            return new LoadModel.Steps(phases);
        }
        if (load instanceof LoadModel.Spike s) {
            return new LoadModel.Spike(
                    s.basePerSecond() * f, s.peakPerSecond() * f, s.every(), s.spikeDuration(), s.poisson());
        }
        throw new IllegalArgumentException("a closed load has no arrival rate to scale");
    }

    /** The load in one line, in the scenario format's words: {@code poisson 4000/s}. */
    public static String describe(LoadModel load) {
        if (load instanceof LoadModel.Constant c) {
            return "constant " + rate(c.ratePerSecond());
        }
        if (load instanceof LoadModel.Poisson p) {
            return "poisson " + rate(p.ratePerSecond());
        }
        if (load instanceof LoadModel.Ramp r) {
            return "ramp from " + rate(r.fromPerSecond()) + " to " + rate(r.toPerSecond()) + " over "
                    + Quantities.formatDuration(r.over()) + (r.poisson() ? ", poisson" : "");
        }
        if (load instanceof LoadModel.Steps s) {
            List<String> phases = new ArrayList<>();
            for (LoadModel.Phase p : s.phases()) {
                phases.add(rate(p.ratePerSecond()) + " for " + Quantities.formatDuration(p.duration())
                        + (p.poisson() ? " poisson" : ""));
            }
            return "steps " + String.join(", ", phases);
        }
        if (load instanceof LoadModel.Spike s) {
            return "spike base " + rate(s.basePerSecond()) + ", peak " + rate(s.peakPerSecond()) + " for "
                    + Quantities.formatDuration(s.spikeDuration()) + " every " + Quantities.formatDuration(s.every())
                    + (s.poisson() ? ", poisson" : "");
        }
        LoadModel.Closed c = (LoadModel.Closed) load;
        return "closed, concurrency " + c.concurrency();
    }

    private static String rate(double perSecond) {
        return Quantities.formatNumber(Math.round(perSecond * 100) / 100.0) + "/s";
    }
}
