package io.veltrix.engine;

import java.util.ArrayList;
import java.util.List;

/** Lays out types and queues for a configuration's {@link Topology}. */
final class Topologies {
    private Topologies() {}

    /** The result: types in configuration order, queues, and queues grouped by tier. */
    record Layout(TypeState[] types, EventQueue[] queues, EventQueue[][] queuesByTier) {}

    static Layout layout(EngineConfig config, NanoClock clock) {
        List<EventTypeConfig> configs = config.eventTypes();
        TypeState[] types = new TypeState[configs.size()];
        SubmitCounts submitted = new SubmitCounts(types.length);
        for (int i = 0; i < types.length; i++) {
            EventTypeConfig c = configs.get(i);
            int tier = config.tiers().indexOf(c.tier());
            types[i] = new TypeState(
                    new EventType(c.name(), i, c.tier(), tier),
                    c,
                    config.retryOf(c),
                    clock,
                    config.threadNamePrefix(),
                    submitted);
        }
        if (config.topology() == Topology.SINGLE) {
            EventQueue shared = new EventQueue(
                    "shared",
                    0,
                    0,
                    types,
                    config.defaultSizing(),
                    config.defaultOverflow(),
                    config.latencySampling(),
                    config.singleProducer());
            for (TypeState t : types) {
                t.queue = shared;
            }
            return new Layout(types, new EventQueue[] {shared}, new EventQueue[][] {{shared}});
        }
        List<List<EventQueue>> byTier = new ArrayList<>();
        for (int t = 0; t < config.tiers().size(); t++) {
            byTier.add(new ArrayList<>());
        }
        EventQueue[] queues = new EventQueue[types.length];
        for (int i = 0; i < types.length; i++) {
            TypeState t = types[i];
            EventQueue q = new EventQueue(
                    t.type.name(),
                    i,
                    t.type.tierIndex(),
                    new TypeState[] {t},
                    config.sizingOf(t.config),
                    config.overflowOf(t.config),
                    config.latencySampling(),
                    config.singleProducer());
            t.queue = q;
            queues[i] = q;
            byTier.get(t.type.tierIndex()).add(q);
        }
        EventQueue[][] tiers = new EventQueue[byTier.size()][];
        for (int t = 0; t < tiers.length; t++) {
            tiers[t] = byTier.get(t).toArray(new EventQueue[0]);
        }
        return new Layout(types, queues, tiers);
    }
}
