package io.veltrix.engine;

/**
 * A handle on one registered event type, obtained from {@link Engine#eventType(String)}. Submitting through a
 * handle costs no lookup.
 */
public final class EventType {
    private final String name;
    private final int index;
    private final String tier;
    private final int tierIndex;

    EventType(String name, int index, String tier, int tierIndex) {
        this.name = name;
        this.index = index;
        this.tier = tier;
        this.tierIndex = tierIndex;
    }

    /** The event type's name. */
    public String name() {
        return name;
    }

    /** Position of this type in the engine's configuration, from 0. */
    public int index() {
        return index;
    }

    /** The name of the tier the type belongs to. */
    public String tier() {
        return tier;
    }

    /** The tier's position, 0 being the highest priority. */
    public int tierIndex() {
        return tierIndex;
    }

    @Override
    public String toString() {
        return name + "@" + tier;
    }
}
