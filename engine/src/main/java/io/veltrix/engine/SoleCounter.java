package io.veltrix.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Keeps the counter off the cache lines of whatever is allocated before it (superclass fields come first). */
abstract class SoleCounterPad0 {
    long p00, p01, p02, p03, p04, p05, p06, p07;
}

abstract class SoleCounterValue extends SoleCounterPad0 {
    volatile long value;
}

/**
 * A counter that one thread alone increments (no atomic add: a release store of its own value plus one) and any
 * thread reads, on cache lines of its own. The padding matters: the engine's single producer increments a
 * submitted counter per event, and a worker reading anything on the same cache line for every event it handles
 * (a type's handler, say) would pull the line back and forth between the two cores at every event.
 */
final class SoleCounter extends SoleCounterValue {
    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(SoleCounterValue.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    long p10, p11, p12, p13, p14, p15, p16, p17;

    /** Adds one; call from the owning thread only. */
    void increment() {
        VALUE.setRelease(this, (long) VALUE.get(this) + 1);
    }

    long get() {
        return value;
    }
}
