package io.veltrix.scenarios.parse;

import java.util.List;

/** Every mapping of the scenario format and its keys: the parser's single list of what is allowed. */
final class Keys {
    private Keys() {}

    static final KeySet SCENARIO = new KeySet(
            "scenario",
            "",
            "name",
            "description",
            "seed",
            "duration",
            "warmup",
            "load",
            "events",
            "engine",
            "strategies",
            "slo");

    static final KeySet LOAD =
            new KeySet("load", "/$defs/load", "constant", "poisson", "ramp", "steps", "phases", "spike", "closed");
    static final KeySet CONSTANT_LOAD = new KeySet("load.constant", "/$defs/constantLoad", "rate");
    static final KeySet POISSON_LOAD = new KeySet("load.poisson", "/$defs/poissonLoad", "rate");
    static final KeySet RAMP_LOAD = new KeySet("load.ramp", "/$defs/rampLoad", "from", "to", "over", "poisson");
    static final KeySet PHASE = new KeySet("load.steps[]", "/$defs/phase", "rate", "duration", "poisson");
    static final KeySet SPIKE_LOAD =
            new KeySet("load.spike", "/$defs/spikeLoad", "base", "peak", "every", "duration", "poisson");
    static final KeySet CLOSED_LOAD = new KeySet("load.closed", "/$defs/closedLoad", "concurrency", "think-time");

    static final KeySet DISTRIBUTION = new KeySet(
            "distribution", "/$defs/distributionChoice", "constant", "uniform", "exponential", "lognormal", "bimodal");
    static final KeySet UNIFORM = new KeySet("uniform", "/$defs/uniform", "min", "max");
    static final KeySet EXPONENTIAL = new KeySet("exponential", "/$defs/exponential", "mean");
    static final KeySet LOGNORMAL = new KeySet("lognormal", "/$defs/lognormal", "median", "p99");
    static final KeySet BIMODAL = new KeySet("bimodal", "/$defs/bimodal", "first", "second", "second-probability");

    static final KeySet EVENT_TYPE = new KeySet(
            "events[]", "/$defs/eventType", "name", "share", "tier", "service", "kind", "failures", "handler");
    static final KeySet FAILURES = new KeySet("failures", "/$defs/failures", "rate", "kind", "windows");
    static final KeySet FAILURE_WINDOW =
            new KeySet("failures.windows[]", "/$defs/failureWindow", "from", "to", "rate", "kind");

    static final KeySet ENGINE = new KeySet(
            "engine",
            "/$defs/engine",
            "workers",
            "tiers",
            "batch",
            "idle",
            "topology",
            "sizing",
            "overflow",
            "block-timeout",
            "scheduling",
            "weights",
            "retry");
    static final KeySet STRATEGY = new KeySet(
            "strategies[]",
            "/$defs/strategy",
            "name",
            "topology",
            "sizing",
            "overflow",
            "block-timeout",
            "scheduling",
            "weights",
            "retry",
            "workers",
            "per-type");
    static final KeySet TYPE_OVERRIDE =
            new KeySet("per-type.<type>", "/$defs/typeOverride", "sizing", "overflow", "block-timeout", "retry");

    static final KeySet SIZING = new KeySet("sizing", "/$defs/sizing", "fixed", "dynamic");
    static final KeySet FIXED_SIZING = new KeySet("sizing.fixed", "/$defs/fixedSizing", "capacity");
    static final KeySet DYNAMIC_SIZING =
            new KeySet("sizing.dynamic", "/$defs/dynamicSizing", "min", "max", "initial", "target-delay");

    static final KeySet RETRY = new KeySet(
            "retry",
            "/$defs/retryPolicy",
            "fixed",
            "exponential",
            "max-attempts",
            "deadline",
            "budget",
            "circuit-breaker");
    static final KeySet FIXED_BACKOFF = new KeySet("retry.fixed", "/$defs/fixedBackoff", "delay");
    static final KeySet EXPONENTIAL_BACKOFF =
            new KeySet("retry.exponential", "/$defs/exponentialBackoff", "base", "multiplier", "cap", "jitter");
    static final KeySet CIRCUIT_BREAKER = new KeySet(
            "retry.circuit-breaker",
            "/$defs/circuitBreaker",
            "failure-ratio",
            "window",
            "open-for",
            "half-open-probes");

    /** Every key set, for the schema consistency test and the docs. */
    static final List<KeySet> ALL = List.of(
            SCENARIO,
            LOAD,
            CONSTANT_LOAD,
            POISSON_LOAD,
            RAMP_LOAD,
            PHASE,
            SPIKE_LOAD,
            CLOSED_LOAD,
            DISTRIBUTION,
            UNIFORM,
            EXPONENTIAL,
            LOGNORMAL,
            BIMODAL,
            EVENT_TYPE,
            FAILURES,
            FAILURE_WINDOW,
            ENGINE,
            STRATEGY,
            TYPE_OVERRIDE,
            SIZING,
            FIXED_SIZING,
            DYNAMIC_SIZING,
            RETRY,
            FIXED_BACKOFF,
            EXPONENTIAL_BACKOFF,
            CIRCUIT_BREAKER);
}
