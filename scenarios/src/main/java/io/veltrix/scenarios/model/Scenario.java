package io.veltrix.scenarios.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A validated scenario: the load, the event types it carries, the engine set-up and the strategies to compare.
 *
 * @param name the scenario's name, used in result folder names ({@code [A-Za-z0-9][A-Za-z0-9._-]*})
 * @param description free text, empty when not given
 * @param seed the root of every random draw: the same seed gives the same schedule
 * @param duration how long the measured part of a run lasts, positive
 * @param warmup how long the run goes before measuring starts, zero or positive; the schedule covers
 *     {@code warmup + duration} from time zero
 * @param load the arrival process
 * @param events the event types, in file order; an event's type index is its position here
 * @param engine engine settings shared by every strategy
 * @param strategies the strategies a run compares, each fully resolved, in file order (at least one)
 * @param slos the service-level objectives to check after a run, in file order
 */
public record Scenario(
        String name,
        String description,
        long seed,
        Duration duration,
        Duration warmup,
        LoadModel load,
        List<EventType> events,
        EngineSettings engine,
        List<Strategy> strategies,
        List<Slo> slos) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(engine, "engine");
        Checks.positive(duration, "duration");
        Checks.notNegative(warmup, "warmup");
        events = List.copyOf(events);
        strategies = List.copyOf(strategies);
        slos = List.copyOf(slos);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("events must not be empty");
        }
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("strategies must not be empty");
        }
    }

    /** The whole run's length, warm-up included: the schedule covers {@code [0, runLength)}. */
    public Duration runLength() {
        return warmup.plus(duration);
    }

    /** The index of the event type called {@code typeName}, or -1 when there is none. */
    public int eventTypeIndex(String typeName) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).name().equals(typeName)) {
                return i;
            }
        }
        return -1;
    }

    /** The strategy called {@code strategyName}, or null when there is none. */
    public Strategy strategy(String strategyName) {
        for (Strategy strategy : strategies) {
            if (strategy.name().equals(strategyName)) {
                return strategy;
            }
        }
        return null;
    }

    /** This scenario with another measured duration and warm-up (for example from a command-line override). */
    public Scenario withTiming(Duration newDuration, Duration newWarmup) {
        return new Scenario(name, description, seed, newDuration, newWarmup, load, events, engine, strategies, slos);
    }

    /** This scenario with another seed. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, duration, warmup, load, events, engine, strategies, slos);
    }
}
