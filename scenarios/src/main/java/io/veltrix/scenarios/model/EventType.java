package io.veltrix.scenarios.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One type of event in the load.
 *
 * @param name unique within the scenario
 * @param weight the share as written (a weight, or a percentage in percent), positive
 * @param share this type's fraction of all arrivals: {@code weight / sum of weights}, in (0, 1]
 * @param tier the name of the tier its events are queued in; one of {@link EngineSettings#tiers()}
 * @param service how long handling one event takes
 * @param serviceKind whether handling burns CPU or waits
 * @param failures which attempts fail, and how
 * @param handler a fully-qualified class name of a user's handler, loaded from the run's class path, if given
 */
public record EventType(
        String name,
        double weight,
        double share,
        String tier,
        Distribution service,
        ServiceKind serviceKind,
        FailureSpec failures,
        Optional<String> handler) {

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(serviceKind, "serviceKind");
        Objects.requireNonNull(failures, "failures");
        Objects.requireNonNull(handler, "handler");
        if (!(weight > 0.0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be positive and finite, was " + weight);
        }
        if (!(share > 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException("share must be in (0, 1], was " + share);
        }
    }
}
