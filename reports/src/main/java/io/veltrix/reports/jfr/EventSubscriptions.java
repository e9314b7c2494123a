package io.veltrix.reports.jfr;

import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;

/** Where an {@link EventAggregator} says which event types it reads and what to call for each event. */
public interface EventSubscriptions {

    /**
     * Calls {@code handler} for every event of the named type, e.g. {@code jdk.GarbageCollection}. Several
     * aggregators may subscribe to the same type; event types nobody subscribed to are skipped without being
     * parsed, which is most of what makes the analysis fast.
     */
    void on(String eventType, Consumer<RecordedEvent> handler);
}
