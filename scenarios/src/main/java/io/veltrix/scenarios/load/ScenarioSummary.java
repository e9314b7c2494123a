package io.veltrix.scenarios.load;

import io.veltrix.scenarios.model.Scenario;

/** One-line descriptions of scenarios, as {@code veltrix validate} prints them. */
public final class ScenarioSummary {
    private ScenarioSummary() {}

    /**
     * {@code ok: NAME: N event types, M strategies, schedule of ~K events}, where K is the expected number of
     * arrivals over the run; a closed load says how many submitters it has instead.
     */
    public static String oneLine(Scenario scenario) {
        Schedule schedule = Schedule.of(scenario);
        String load = schedule.isOpen()
                ? "schedule of ~" + Math.round(schedule.expectedArrivals()) + " events"
                : "closed loop of " + plural(schedule.concurrency(), "submitter");
        return "ok: " + scenario.name() + ": " + plural(scenario.events().size(), "event type") + ", "
                + plural(scenario.strategies().size(), "strategy") + ", " + load;
    }

    private static String plural(int count, String noun) {
        if (count == 1) {
            return "1 " + noun;
        }
        return count + " " + (noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }
}
