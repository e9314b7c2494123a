package io.veltrix.engine;

/** A monotonic clock in nanoseconds; {@link #SYSTEM} in production, a hand-moved one in tests. */
@FunctionalInterface
public interface NanoClock {
    NanoClock SYSTEM = System::nanoTime;

    /** The current time in nanoseconds, on an arbitrary but fixed origin. */
    long nanoTime();
}
