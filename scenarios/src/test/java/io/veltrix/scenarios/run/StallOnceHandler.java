package io.veltrix.scenarios.run;

import io.veltrix.engine.Event;
import io.veltrix.engine.EventHandler;
import io.veltrix.engine.Outcome;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A user's handler (loaded by class name, as {@code --classpath} handlers are) that does nothing, except that the
 * first event numbered {@link #STALL_AT} or later holds its worker for {@link #STALL_NANOS}.
 */
public final class StallOnceHandler implements EventHandler<Object> {
    static final long STALL_AT = 2_400;
    static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final AtomicBoolean STALLED = new AtomicBoolean();

    static void reset() {
        STALLED.set(false);
    }

    @Override
    public Outcome onEvent(Event<Object> event) {
        if (TagCodec.sequence(event.tag()) >= STALL_AT && STALLED.compareAndSet(false, true)) {
            long end = System.nanoTime() + STALL_NANOS;
            for (long left = STALL_NANOS; left > 0; left = end - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        }
        return Outcome.SUCCESS;
    }
}
