package io.veltrix.scenarios.load;

import io.veltrix.scenarios.model.EventType;
import io.veltrix.scenarios.model.LoadModel;
import io.veltrix.scenarios.model.Scenario;
import java.util.List;
import java.util.Objects;

/**
 * The deterministic workload of a scenario: when each event is due (open models) or what each submitter sends
 * (the closed model), its type, its service time, and which attempts fail. Built once per scenario; every
 * cursor it hands out replays exactly the same workload, so each strategy gets the same schedule. The same seed
 * always gives the same schedule; another seed gives another.
 *
 * <p>Immutable and thread-safe; the cursors are not (one per thread).
 */
public final class Schedule {
    private final Scenario scenario;
    private final long warmupNanos;
    private final long endNanos;
    private final RateProfile profile;
    private final AliasTable types;
    private final DurationSampler[] services;
    private final FailureInjector failures;
    private final long jitterSalt;

    private Schedule(Scenario scenario) {
        this.scenario = scenario;
        this.warmupNanos = scenario.warmup().toNanos();
        this.endNanos = scenario.runLength().toNanos();
        this.profile = scenario.load().isOpen() ? RateProfile.of(scenario.load()) : null;
        List<EventType> events = scenario.events();
        double[] shares = new double[events.size()];
        services = new DurationSampler[events.size()];
        for (int t = 0; t < shares.length; t++) {
            shares[t] = events.get(t).share();
            services[t] = DurationSampler.of(events.get(t).service());
        }
        this.types = new AliasTable(shares);
        this.failures = new FailureInjector(scenario.seed(), events);
        this.jitterSalt = Seeds.stream(scenario.seed(), Seeds.JITTER, "", 0);
    }

    /** The schedule of a validated scenario. */
    public static Schedule of(Scenario scenario) {
        return new Schedule(Objects.requireNonNull(scenario, "scenario"));
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Whether arrivals are due at set times ({@link #arrivals()}) rather than driven by submitters. */
    public boolean isOpen() {
        return profile != null;
    }

    /** The end of the warm-up, ns from the start of the run: results before it are excluded. */
    public long warmupNanos() {
        return warmupNanos;
    }

    /** The end of the run (warm-up plus duration), ns from its start: nothing is due at or after it. */
    public long endNanos() {
        return endNanos;
    }

    /** How many event types there are; type indexes run from 0 to this minus 1. */
    public int eventTypeCount() {
        return services.length;
    }

    /**
     * A new cursor over the arrivals of an open load, from the first.
     *
     * @throws IllegalStateException for a closed load
     */
    public ArrivalCursor arrivals() {
        if (profile == null) {
            throw new IllegalStateException("a closed load has no arrival times; use submitter(i)");
        }
        long seed = scenario.seed();
        return new ArrivalCursor(
                profile,
                warmupNanos,
                endNanos,
                types,
                services,
                failures,
                new SplitMix64(Seeds.stream(seed, Seeds.ARRIVALS, "", 0)),
                new SplitMix64(Seeds.stream(seed, Seeds.TYPE_CHOICE, "", 0)),
                serviceStreams(0));
    }

    /** The number of closed-loop submitters (0 for an open load). */
    public int concurrency() {
        return scenario.load() instanceof LoadModel.Closed ? ((LoadModel.Closed) scenario.load()).concurrency() : 0;
    }

    /**
     * A new cursor over the events of closed-loop submitter {@code index}, from its first.
     *
     * @param index 0 to {@link #concurrency()} - 1
     * @throws IllegalStateException for an open load
     */
    public SubmitterCursor submitter(int index) {
        if (profile != null) {
            throw new IllegalStateException("an open load has no submitters; use arrivals()");
        }
        LoadModel.Closed closed = (LoadModel.Closed) scenario.load();
        if (index < 0 || index >= closed.concurrency()) {
            throw new IllegalArgumentException("index must be in [0, " + closed.concurrency() + "), was " + index);
        }
        long seed = scenario.seed();
        return new SubmitterCursor(
                index,
                closed.concurrency(),
                types,
                services,
                DurationSampler.of(closed.thinkTime()),
                failures,
                new SplitMix64(Seeds.stream(seed, Seeds.TYPE_CHOICE, "", 1L + index)),
                serviceStreams(1L + index),
                new SplitMix64(Seeds.stream(seed, Seeds.THINK, "", 1L + index)));
    }

    private SplitMix64[] serviceStreams(long index) {
        SplitMix64[] streams = new SplitMix64[services.length];
        for (int t = 0; t < streams.length; t++) {
            streams[t] = new SplitMix64(Seeds.stream(
                    scenario.seed(), Seeds.SERVICE, scenario.events().get(t).name(), index));
        }
        return streams;
    }

    /**
     * Whether attempt {@code attempt} of an event fails, and how. Deterministic in its arguments (no state), so
     * retries get the same answer under every strategy.
     *
     * @param type the event type's index
     * @param sequence the event's {@code sequence()} from its cursor
     * @param attempt 0 for the first attempt, 1 for the first retry, ...
     * @param timeNanos when the attempt starts, ns from the start of the run (failure windows depend on it)
     */
    public InjectedFailure failure(int type, long sequence, int attempt, long timeNanos) {
        return failures.decide(type, sequence, attempt, timeNanos);
    }

    /**
     * A uniform draw in [0, 1) for the backoff jitter of retry {@code attempt} of event {@code sequence}:
     * deterministic in its arguments, so jittered delays are the same under every run of the scenario.
     */
    public double jitter(long sequence, int attempt) {
        return Seeds.unit(jitterSalt, sequence, attempt);
    }

    /**
     * The expected number of arrivals over the whole run (warm-up included): the integrated rate for an open
     * load; for a closed load, NaN (it depends on how fast the system completes events).
     */
    public double expectedArrivals() {
        return profile == null ? Double.NaN : profile.expectedArrivals(endNanos);
    }
}
