package io.veltrix.scenarios.model;

import java.time.Duration;

/** How a queue's capacity is set: fixed, or moved by a controller within bounds. Capacities are in events. */
public sealed interface Sizing {

    /** The capacity the queue starts with, in events. */
    int initialCapacity();

    /** A queue that holds at most {@code capacity} events (at least 1). */
    record Fixed(int capacity) implements Sizing {
        public Fixed {
            Checks.atLeast(capacity, 1, "capacity");
        }

        @Override
        public int initialCapacity() {
            return capacity;
        }
    }

    /**
     * A logical capacity that a controller moves between {@code min} and {@code max} (starting at
     * {@code initial}) to keep the time events wait in the queue near {@code targetDelay}.
     */
    record Dynamic(int min, int max, int initial, Duration targetDelay) implements Sizing {
        public Dynamic {
            Checks.atLeast(min, 1, "min");
            if (!(min <= initial && initial <= max)) {
                throw new IllegalArgumentException(
                        "capacities must satisfy min <= initial <= max, were " + min + ", " + initial + ", " + max);
            }
            Checks.positive(targetDelay, "targetDelay");
        }

        @Override
        public int initialCapacity() {
            return initial;
        }
    }
}
