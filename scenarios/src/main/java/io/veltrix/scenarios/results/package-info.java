/**
 * What a bench measured: {@link io.veltrix.scenarios.results.BenchResults} and the records it holds, written as
 * {@code results.json} (schema {@code veltrix-results/1}, see {@code docs/results-format.md}) by {@link
 * io.veltrix.scenarios.results.ResultsWriter}, atomically ({@link io.veltrix.scenarios.results.AtomicFiles}).
 *
 * <p>Units: latencies in nanoseconds, rates in events per second, percentages from 0 to 100.
 */
package io.veltrix.scenarios.results;
