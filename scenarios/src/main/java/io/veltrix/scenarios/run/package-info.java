/**
 * The runner: {@link io.veltrix.scenarios.run.Bench} runs a scenario's schedule once per strategy, each on a fresh
 * engine, and returns what it measured as {@link io.veltrix.scenarios.results.BenchResults}.
 *
 * <p>Per strategy: {@link io.veltrix.scenarios.run.EngineConfigMapper} turns the strategy into the engine's
 * configuration; a synthetic handler per event type takes the event's service time (burning CPU or parked) and fails
 * as the schedule says, reading the event's sequence number and service time from its tag ({@link
 * io.veltrix.scenarios.run.TagCodec}); an open load is submitted by one generator thread that follows the schedule
 * and never skips (latency counts from intended times), a closed load by submitter threads that wait for their
 * event; a sampler thread takes the engine's snapshot once a second and at the end of the warm-up, which it
 * excludes; the engine drains at the end and its accounting is checked.
 *
 * <p>Units: nanoseconds for times, events per second for rates.
 */
package io.veltrix.scenarios.run;
