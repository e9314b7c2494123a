package io.veltrix.engine;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when a test moves it. */
final class FakeClock implements NanoClock {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Override
    public long nanoTime() {
        return now.get();
    }

    void advanceMillis(long millis) {
        now.addAndGet(millis * 1_000_000L);
    }
}
