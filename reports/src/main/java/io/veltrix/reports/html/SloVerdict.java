package io.veltrix.reports.html;

import java.util.Objects;

/**
 * One SLO checked against one strategy, as the report shows it. The SLO evaluation produces these; the report only
 * displays them.
 *
 * @param strategy the strategy the SLO was checked against
 * @param objective the SLO as written, such as {@code p99 < 20ms type=payment}
 * @param passed whether the strategy met it
 * @param measured the measured value as text, such as {@code 14.2ms}, or null when it could not be measured
 * @param detail why it failed or could not be judged (such as the window that broke it), or null
 */
public record SloVerdict(String strategy, String objective, boolean passed, String measured, String detail) {

    public SloVerdict {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(objective, "objective");
    }
}
