package io.veltrix.scenarios.results;

/**
 * The scenario a bench ran, as run (overrides applied).
 *
 * @param name the scenario's name
 * @param description its description
 * @param seed the seed of the schedule
 * @param file the scenario file as given on the command line
 * @param yaml the file's text, as read
 * @param overrides what the command line changed; null fields were not overridden
 * @param durationSeconds the measured duration
 * @param warmupSeconds the warm-up
 * @param load the arrival process as run ({@code --rate} applied)
 * @param expectedEvents the schedule's expected number of arrivals (open loads), or null (closed)
 */
public record ScenarioInfo(
        String name,
        String description,
        long seed,
        String file,
        String yaml,
        Overrides overrides,
        double durationSeconds,
        double warmupSeconds,
        String load,
        Double expectedEvents) {

    /**
     * Command-line overrides of a scenario.
     *
     * @param strategies the strategies chosen with {@code --strategy}, or null for all
     * @param duration {@code --duration}, or null
     * @param warmup {@code --warmup}, or null
     * @param rate {@code --rate} in events per second, or null
     * @param seed {@code --seed}, or null
     */
    public record Overrides(
            java.util.List<String> strategies, String duration, String warmup, Double rate, Long seed) {}
}
