/**
 * The scenario as plain, validated values: what load arrives, which event types it carries, how the engine
 * is set up and which queue strategies a run compares. Records here are self-contained (no engine types);
 * a later step maps them to the engine's configuration.
 *
 * <p>Units: durations are {@link java.time.Duration}s, rates are events per second, shares, failure rates,
 * budgets and ratios are fractions in [0, 1].
 */
package io.veltrix.scenarios.model;
