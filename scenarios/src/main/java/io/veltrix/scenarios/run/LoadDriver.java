package io.veltrix.scenarios.run;

import io.veltrix.scenarios.results.GeneratorStats;
import org.HdrHistogram.Histogram;

/** What submits a scenario's events to one engine: the open-model generator or the closed-model submitters. */
interface LoadDriver {

    /** Starts the driver's threads; the first event is due at the run's start. */
    void start();

    /** Waits until every event of the schedule was submitted (or a stop was asked for). */
    void join() throws InterruptedException;

    /** Events of type {@code type} submitted so far (first attempts only). */
    long offered(int type);

    /**
     * The generator's lag behind the schedule since the previous call (ns), or null when the model has no schedule
     * to lag behind. Called by the sampler only.
     */
    Histogram takeLagInterval();

    /**
     * How the driver did, once {@link #join} returned.
     *
     * @param measuredLag the lag intervals of the measured part, summed by the sampler (ignored by a closed load)
     */
    GeneratorStats stats(Histogram measuredLag);
}
