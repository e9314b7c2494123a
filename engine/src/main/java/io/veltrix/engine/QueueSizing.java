package io.veltrix.engine;

import java.time.Duration;

/**
 * How many events a queue may hold. Capacity is logical: the queue's memory grows in chunks with what is
 * actually queued and returns chunks when it empties, so a large capacity costs nothing until it is used.
 */
public sealed interface QueueSizing permits QueueSizing.Fixed, QueueSizing.Dynamic {

    /** A constant capacity, in events, from 1 to 2^30. */
    static Fixed fixed(int capacity) {
        return new Fixed(capacity);
    }

    /**
     * A capacity that a controller moves between {@code min} and {@code max} (events) at run time, starting at
     * {@code initial}: it grows under pressure (rejections, a nearly full queue) while the queueing delay stays
     * under {@code targetDelay}, and shrinks when the queueing delay stays above the target for a control
     * interval, or when the queue sits idle (CoDel's idea: bound the time waited, not only the length).
     */
    static Dynamic dynamic(int min, int initial, int max, Duration targetDelay) {
        return new Dynamic(min, initial, max, targetDelay);
    }

    /** The capacity the queue starts with, in events. */
    int initialCapacity();

    /** The largest capacity this sizing can ever reach, in events. */
    int maxCapacity();

    /** A fixed capacity. */
    record Fixed(int capacity) implements QueueSizing {
        public Fixed {
            Checks.range("capacity", capacity, 1, Checks.MAX_CAPACITY);
        }

        @Override
        public int initialCapacity() {
            return capacity;
        }

        @Override
        public int maxCapacity() {
            return capacity;
        }

        @Override
        public String toString() {
            return "fixed(" + capacity + ")";
        }
    }

    /** A capacity adapted at run time; see {@link QueueSizing#dynamic}. */
    record Dynamic(int min, int initial, int max, Duration targetDelay) implements QueueSizing {
        public Dynamic {
            Checks.range("min", min, 1, Checks.MAX_CAPACITY);
            Checks.range("max", max, min, Checks.MAX_CAPACITY);
            Checks.range("initial", initial, min, max);
            Checks.positive("targetDelay", targetDelay);
        }

        @Override
        public int initialCapacity() {
            return initial;
        }

        @Override
        public int maxCapacity() {
            return max;
        }

        @Override
        public String toString() {
            return "dynamic(min=" + min + ", initial=" + initial + ", max=" + max + ", target-delay="
                    + targetDelay.toNanos() / 1000 + "us)";
        }
    }
}
