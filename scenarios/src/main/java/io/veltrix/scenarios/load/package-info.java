/**
 * The seeded workload generator: a validated scenario in, a deterministic schedule out. The same seed gives the
 * same schedule, for every strategy; each purpose (arrival times, type choice, each type's service times,
 * failures) has its own random stream derived from the seed, so adding an event type does not shift the draws of
 * the others. Entry point: {@link io.veltrix.scenarios.load.Schedule}.
 */
package io.veltrix.scenarios.load;
