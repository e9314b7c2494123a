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
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.MetadataEvent;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Routes each event to the aggregators that subscribed to its type, and keeps what every analysis needs: events
 * read per type, the time window (min start, max end: file order is not time order) and the settings from
 * {@code jdk.ActiveSetting}.
 */
final class EventDispatch {

    static final String ACTIVE_SETTING = "jdk.ActiveSetting";

    private record Handler(EventAggregator owner, Consumer<RecordedEvent> action) {}

    private final Map<String, List<Handler>> handlers = new LinkedHashMap<>();
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final EventSettings.Collector settings = new EventSettings.Collector();
    private Map<Long, String> typeNames = Map.of();
    private Instant first;
    private Instant last;
    private long eventsRead;
    private AggregatorFailure failure;

    void on(String eventType, EventAggregator owner, Consumer<RecordedEvent> action) {
        handlers.computeIfAbsent(eventType, t -> new ArrayList<>()).add(new Handler(owner, action));
    }

    /** Subscribes {@code stream} to every event type some aggregator asked for, plus {@code jdk.ActiveSetting}. */
    void attach(EventStream stream) {
        stream.setOrdered(false);
        stream.setReuse(true);
        stream.onMetadata(this::onMetadata);
        List<Handler> settingHandlers = new ArrayList<>(handlers.getOrDefault(ACTIVE_SETTING, List.of()));
        settingHandlers.add(0, new Handler(null, this::onActiveSetting));
        subscribe(stream, ACTIVE_SETTING, settingHandlers.toArray(new Handler[0]));
        handlers.forEach((type, list) -> {
            if (!type.equals(ACTIVE_SETTING)) {
                subscribe(stream, type, list.toArray(new Handler[0]));
            }
        });
    }

    private void subscribe(EventStream stream, String type, Handler[] targets) {
        long[] count = counts.computeIfAbsent(type, t -> new long[1]);
        stream.onEvent(type, event -> {
            count[0]++;
            eventsRead++;
            Instant start = event.getStartTime();
            Instant end = event.getEndTime();
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
                    if (failure == null) {
                        failure = new AggregatorFailure(target.owner(), e);
                    }
                    stream.close();
                    return;
                }
            }
        });
    }

    private void onMetadata(MetadataEvent metadata) {
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

    /** Throws the first aggregator failure seen while streaming, if any. */
    void rethrowFailure() {
        if (failure != null) {
            throw failure;
        }
    }

    /** The subscribed event types, in subscription order, {@code jdk.ActiveSetting} included. */
    Set<String> eventTypes() {
        Set<String> types = new LinkedHashSet<>(handlers.keySet());
        types.add(ACTIVE_SETTING);
        return types;
    }

    EventSettings settings() {
        Map<String, Long> byType = new HashMap<>();
        counts.forEach((type, count) -> byType.put(type, count[0]));
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
