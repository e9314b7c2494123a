package io.veltrix.reports.jfr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import jdk.jfr.EventType;
import jdk.jfr.consumer.MetadataEvent;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Routes each event to the aggregators that subscribed to its type, and keeps what every analysis needs: events
 * read per type, the time window (min start, max end: file order is not time order) and the settings from
 * {@code jdk.ActiveSetting}. Used from one thread at a time.
 */
final class EventDispatch {

    static final String ACTIVE_SETTING = "jdk.ActiveSetting";

    private record Handler(EventAggregator owner, Consumer<RecordedEvent> action) {}

    /** Everything subscribed to one event type. */
    final class Route {
        private final String eventType;
        private final Handler[] targets;
        private long count;
        // Instant events (no duration field) end when they start: skip computing a second Instant per sample.
        private int hasDuration = -1;

        private Route(String eventType, Handler[] targets) {
            this.eventType = eventType;
            this.targets = targets;
        }

        String eventType() {
            return eventType;
        }

        void dispatch(RecordedEvent event) {
            count++;
            eventsRead++;
            if (hasDuration < 0) {
                hasDuration = event.getEventType().getField("duration") != null ? 1 : 0;
            }
            Instant start = event.getStartTime();
            Instant end = hasDuration == 1 ? event.getEndTime() : start;
            if (first == null || start.isBefore(first)) {
                first = start;
            }
            if (last == null || end.isAfter(last)) {
                last = end;
            }
            for (Handler target : targets) {
                try {
                    target.action().accept(event);
                } catch (RuntimeException e) {
                    throw new AggregatorFailure(target.owner(), e);
                }
            }
        }
    }

    private final Map<String, List<Handler>> handlers = new LinkedHashMap<>();
    private final EventSettings.Collector settings = new EventSettings.Collector();
    private List<Route> routes;
    private Map<Long, String> typeNames = Map.of();
    private Instant first;
    private Instant last;
    private long eventsRead;

    void on(String eventType, EventAggregator owner, Consumer<RecordedEvent> action) {
        if (routes != null) {
            throw new IllegalStateException("subscriptions are closed once reading has started");
        }
        handlers.computeIfAbsent(eventType, t -> new ArrayList<>()).add(new Handler(owner, action));
    }

    /** One route per subscribed event type, {@code jdk.ActiveSetting} first (read here for the settings). */
    List<Route> routes() {
        if (routes == null) {
            List<Route> all = new ArrayList<>();
            List<Handler> settingHandlers = new ArrayList<>(handlers.getOrDefault(ACTIVE_SETTING, List.of()));
            settingHandlers.add(0, new Handler(null, this::onActiveSetting));
            all.add(new Route(ACTIVE_SETTING, settingHandlers.toArray(new Handler[0])));
            handlers.forEach((type, list) -> {
                if (!type.equals(ACTIVE_SETTING)) {
                    all.add(new Route(type, list.toArray(new Handler[0])));
                }
            });
            routes = List.copyOf(all);
        }
        return routes;
    }

    /** The route of the {@code index}th subscribed type, in {@link #routes()} order. */
    Route route(int index) {
        return routes.get(index);
    }

    /**
     * Adds what {@code other}, a dispatch with the same subscriptions that saw other events of the same files, counted.
     */
    void merge(EventDispatch other) {
        List<Route> mine = routes();
        List<Route> theirs = other.routes();
        for (int i = 0; i < mine.size(); i++) {
            mine.get(i).count += theirs.get(i).count;
        }
        eventsRead += other.eventsRead;
        if (other.first != null && (first == null || other.first.isBefore(first))) {
            first = other.first;
        }
        if (other.last != null && (last == null || other.last.isAfter(last))) {
            last = other.last;
        }
        settings.merge(other.settings);
    }

    /** The aggregators subscribed to {@code eventType}, in subscription order. */
    List<EventAggregator> subscribers(String eventType) {
        return handlers.getOrDefault(eventType, List.of()).stream()
                .map(Handler::owner)
                .toList();
    }

    /**
     * Counts {@code count} events of {@code eventType} that were read elsewhere (by the allocation-sample decoder)
     * and widens the time window to {@code start} .. {@code end} (null when there were none).
     */
    void addDecoded(String eventType, long count, Instant start, Instant end) {
        for (Route route : routes()) {
            if (route.eventType.equals(eventType)) {
                route.count += count;
            }
        }
        eventsRead += count;
        if (start != null && (first == null || start.isBefore(first))) {
            first = start;
        }
        if (end != null && (last == null || end.isAfter(last))) {
            last = end;
        }
    }

    /** Called, in order with the events, whenever a chunk brings new metadata. */
    void onMetadata(MetadataEvent metadata) {
        Map<Long, String> names = new HashMap<>();
        for (EventType type : metadata.getEventTypes()) {
            names.put(type.getId(), type.getName());
            settings.knownType(type.getName());
        }
        typeNames = names;
    }

    private void onActiveSetting(RecordedEvent e) {
        long id = e.getLong("id");
        String type = typeNames.getOrDefault(id, "[event type id " + id + "]");
        settings.add(type, e.getString("name"), e.getString("value"));
    }

    /** The subscribed event types, {@code jdk.ActiveSetting} first. */
    Set<String> eventTypes() {
        Set<String> types = new LinkedHashSet<>();
        routes().forEach(r -> types.add(r.eventType));
        return types;
    }

    EventSettings settings() {
        Map<String, Long> byType = new HashMap<>();
        routes().forEach(r -> byType.put(r.eventType, r.count));
        return settings.build(byType);
    }

    Instant firstEvent() {
        return first;
    }

    Instant lastEvent() {
        return last;
    }

    long eventsRead() {
        return eventsRead;
    }
}
