package io.veltrix.scenarios.run;

import io.veltrix.engine.BackoffIdleStrategy;
import io.veltrix.engine.BusySpinIdleStrategy;
import io.veltrix.engine.CircuitBreakerConfig;
import io.veltrix.engine.EngineConfig;
import io.veltrix.engine.EngineListener;
import io.veltrix.engine.EventHandler;
import io.veltrix.engine.EventTypeConfig;
import io.veltrix.engine.IdleStrategy;
import io.veltrix.engine.ParkingIdleStrategy;
import io.veltrix.engine.QueueSizing;
import io.veltrix.engine.RetryBudget;
import io.veltrix.engine.RetryPolicy;
import io.veltrix.engine.TierScheduling;
import io.veltrix.engine.YieldingIdleStrategy;
import io.veltrix.scenarios.model.Backoff;
import io.veltrix.scenarios.model.CircuitBreaker;
import io.veltrix.scenarios.model.EngineSettings;
import io.veltrix.scenarios.model.EventType;
import io.veltrix.scenarios.model.Overflow;
import io.veltrix.scenarios.model.OverflowPolicy;
import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.model.SchedulingPolicy;
import io.veltrix.scenarios.model.Sizing;
import io.veltrix.scenarios.model.Strategy;
import io.veltrix.scenarios.model.Topology;
import io.veltrix.scenarios.model.TypeSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns a scenario's strategy into the engine's configuration: tiers, topology, scheduling (weights by tier name,
 * in tier order), workers, batch, idle strategy, and per event type its queue sizing, overflow, retry policy and
 * circuit breaker.
 *
 * <p>Where the scenario says more than the engine can do, the mapping chooses and says so in {@link
 * MappedStrategy#notes()}:
 *
 * <ul>
 *   <li><b>Block timeout.</b> The engine has one block timeout for all its queues. It is the strategy's own when the
 *       strategy's overflow is {@code block}; otherwise the longest {@code block-timeout} among the {@code per-type}
 *       overrides that block. Per-type block timeouts that differ from it are not supported by the engine.
 *   <li><b>Single topology.</b> One shared queue takes the strategy's sizing and overflow; per-type sizing and
 *       overflow do not apply (per-type retries do).
 *   <li><b>Circuit breaker.</b> The scenario's breaker has no minimum number of attempts; the engine's needs one:
 *       {@value #BREAKER_MINIMUM_ATTEMPTS} attempts within a window before it may open.
 *   <li><b>Retry budget.</b> A budget of {@code r} maps to the engine's token bucket of ratio {@code r} holding at
 *       most 100 retries ({@link RetryBudget#of}).
 *   <li><b>Idle {@code park}.</b> Parks {@value #PARK_NANOS} ns at a time.
 * </ul>
 */
public final class EngineConfigMapper {
    /** Attempts within a window before a circuit breaker may open. */
    public static final int BREAKER_MINIMUM_ATTEMPTS = 20;

    /** The park period of the {@code park} idle strategy, in nanoseconds. */
    public static final long PARK_NANOS = 50_000;

    private EngineConfigMapper() {}

    /**
     * The engine configuration of {@code strategy}.
     *
     * @param handlers one handler per event type, in the order of {@link Scenario#events()}
     * @param listener the engine's listener (a closed load hears of evictions and dead letters through it)
     * @throws IllegalArgumentException when the engine refuses a value; the message names the strategy
     */
    public static MappedStrategy map(
            Scenario scenario, Strategy strategy, List<? extends EventHandler<?>> handlers, EngineListener listener) {
        if (handlers.size() != scenario.events().size()) {
            throw new IllegalArgumentException(
                    "need one handler per event type (" + scenario.events().size() + "), got " + handlers.size());
        }
        List<String> notes = new ArrayList<>();
        EngineSettings settings = scenario.engine();
        try {
            EngineConfig.Builder builder = EngineConfig.builder()
                    .tiers(settings.tiers().toArray(new String[0]))
                    .topology(topology(strategy.topology()))
                    .scheduling(scheduling(strategy, settings))
                    .workers(strategy.workers())
                    .batchSize(settings.batch())
                    .idleStrategy(idle(settings.idle()))
                    .defaultSizing(sizing(strategy.sizing()))
                    .defaultOverflow(overflow(strategy.overflow().policy()))
                    .blockTimeout(blockTimeout(scenario, strategy, notes))
                    .defaultRetry(retry(strategy.retry()))
                    .listener(listener)
                    .threadNamePrefix(strategy.name());
            for (int t = 0; t < scenario.events().size(); t++) {
                builder.eventType(eventType(scenario.events().get(t), strategy, handlers.get(t), notes));
            }
            return new MappedStrategy(builder.build(), notes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("strategy '" + strategy.name() + "': " + e.getMessage(), e);
        }
    }

    private static EventTypeConfig eventType(
            EventType type, Strategy strategy, EventHandler<?> handler, List<String> notes) {
        TypeSettings own = strategy.settingsFor(type.name());
        EventTypeConfig config = EventTypeConfig.of(type.name(), type.tier(), handler);
        boolean overridden = strategy.perType().containsKey(type.name());
        if (strategy.topology() == Topology.TIERED) {
            config = config.withSizing(sizing(own.sizing()))
                    .withOverflow(overflow(own.overflow().policy()));
        } else if (overridden
                && (!own.sizing().equals(strategy.sizing()) || !own.overflow().equals(strategy.overflow()))) {
            notes.add("per-type sizing and overflow of '" + type.name()
                    + "' do not apply under topology single: every event shares one queue");
        }
        config = config.withRetry(retry(own.retry()));
        if (own.retry().circuitBreaker().isPresent()) {
            config = config.withCircuitBreaker(
                    circuitBreaker(own.retry().circuitBreaker().orElseThrow()));
        }
        return config;
    }

    static io.veltrix.engine.Topology topology(Topology topology) {
        return topology == Topology.SINGLE ? io.veltrix.engine.Topology.SINGLE : io.veltrix.engine.Topology.TIERED;
    }

    static TierScheduling scheduling(Strategy strategy, EngineSettings settings) {
        if (strategy.scheduling().policy() == SchedulingPolicy.STRICT) {
            return TierScheduling.strict();
        }
        List<String> tiers = settings.tiers();
        int[] weights = new int[tiers.size()];
        for (int i = 0; i < weights.length; i++) {
            Integer weight = strategy.scheduling().weights().get(tiers.get(i));
            if (weight == null) {
                throw new IllegalArgumentException("weighted scheduling has no weight for tier '" + tiers.get(i) + "'");
            }
            weights[i] = weight;
        }
        return TierScheduling.weighted(weights);
    }

    static Supplier<IdleStrategy> idle(io.veltrix.scenarios.model.IdleStrategy idle) {
        switch (idle) {
            case SPIN:
                return BusySpinIdleStrategy::new;
            case YIELD:
                return YieldingIdleStrategy::new;
            case PARK:
                return () -> new ParkingIdleStrategy(PARK_NANOS);
            default:
                return BackoffIdleStrategy::new;
        }
    }

    static QueueSizing sizing(Sizing sizing) {
        if (sizing instanceof Sizing.Dynamic d) {
            return QueueSizing.dynamic(d.min(), d.initial(), d.max(), d.targetDelay());
        }
        return QueueSizing.fixed(((Sizing.Fixed) sizing).capacity());
    }

    static io.veltrix.engine.OverflowPolicy overflow(OverflowPolicy policy) {
        switch (policy) {
            case DROP_OLDEST:
                return io.veltrix.engine.OverflowPolicy.DROP_OLDEST;
            case BLOCK:
                return io.veltrix.engine.OverflowPolicy.BLOCK;
            case SHED_LOWER_PRIORITY:
                return io.veltrix.engine.OverflowPolicy.SHED_LOWER_PRIORITY;
            default:
                return io.veltrix.engine.OverflowPolicy.REJECT;
        }
    }

    /** The engine-wide block timeout; see the class comment. */
    static Duration blockTimeout(Scenario scenario, Strategy strategy, List<String> notes) {
        Duration chosen = strategy.overflow().policy() == OverflowPolicy.BLOCK
                ? strategy.overflow().blockTimeout()
                : Duration.ZERO;
        boolean fromStrategy = !chosen.isZero();
        for (EventType type : scenario.events()) {
            Overflow own = strategy.settingsFor(type.name()).overflow();
            if (own.policy() == OverflowPolicy.BLOCK
                    && !fromStrategy
                    && own.blockTimeout().compareTo(chosen) > 0) {
                chosen = own.blockTimeout();
            }
        }
        for (EventType type : scenario.events()) {
            Overflow own = strategy.settingsFor(type.name()).overflow();
            if (own.policy() == OverflowPolicy.BLOCK && !own.blockTimeout().equals(chosen)) {
                notes.add("block-timeout " + format(own.blockTimeout()) + " of '" + type.name()
                        + "' is not supported: the engine has one block timeout for all queues, here "
                        + format(chosen));
            }
        }
        return chosen.isZero() ? Duration.ofSeconds(1) : chosen;
    }

    static RetryPolicy retry(io.veltrix.scenarios.model.RetryPolicy retry) {
        RetryPolicy policy;
        Backoff backoff = retry.backoff();
        if (backoff instanceof Backoff.Fixed f) {
            policy = RetryPolicy.fixed(f.delay(), retry.maxAttempts());
        } else if (backoff instanceof Backoff.Exponential e) {
            policy =
                    RetryPolicy.exponential(e.base(), e.multiplier(), e.cap(), jitter(e.jitter()), retry.maxAttempts());
        } else {
            return RetryPolicy.none();
        }
        if (retry.deadline().isPresent()) {
            policy = policy.withDeadline(retry.deadline().orElseThrow());
        }
        if (retry.budget().isPresent()) {
            policy = policy.withBudget(RetryBudget.of(retry.budget().getAsDouble()));
        }
        return policy;
    }

    static io.veltrix.engine.Jitter jitter(io.veltrix.scenarios.model.Jitter jitter) {
        return io.veltrix.engine.Jitter.valueOf(jitter.name());
    }

    static CircuitBreakerConfig circuitBreaker(CircuitBreaker breaker) {
        return new CircuitBreakerConfig(
                breaker.failureRatio(),
                breaker.window(),
                BREAKER_MINIMUM_ATTEMPTS,
                breaker.openFor(),
                breaker.halfOpenProbes());
    }

    private static String format(Duration d) {
        return io.veltrix.scenarios.parse.Quantities.formatDuration(d);
    }
}
