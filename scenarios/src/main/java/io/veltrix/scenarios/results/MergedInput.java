package io.veltrix.scenarios.results;

/**
 * One of the runs that {@code veltrix merge} combined: where its results came from and where and when it ran.
 *
 * @param file its results file, as named on the merge's command line (a directory is resolved to its
 *     {@code results.json})
 * @param hostname the host it ran on, or null when unknown
 * @param startedAt when its first strategy started (ISO-8601 instant)
 * @param endedAt when its last strategy ended (ISO-8601 instant)
 * @param partial whether it was interrupted
 * @param seed the seed of its schedule
 * @param load its arrival process in one line ({@code --rate} applied)
 * @param environment where it ran, in full
 */
public record MergedInput(
        String file,
        String hostname,
        String startedAt,
        String endedAt,
        boolean partial,
        long seed,
        String load,
        EnvironmentInfo environment) {}
