package io.veltrix.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * Spin, then yield, then park with a doubling period. The default: an idle worker costs little CPU after a few
 * microseconds, which matters when there are more threads than cores (a spinning worker on a 2-core machine
 * turns a 20 ns hand-off into microseconds for everyone else).
 */
public final class BackoffIdleStrategy implements IdleStrategy {
    private final int maxSpins;
    private final int maxYields;
    private final long minParkNanos;
    private final long maxParkNanos;
    private int spins;
    private int yields;
    private long parkNanos;

    /** 64 spins, 16 yields, then parks from 1 µs doubling to 1 ms. */
    public BackoffIdleStrategy() {
        this(64, 16, 1_000, 1_000_000);
    }

    /**
     * @param maxSpins busy spins before yielding, 0 or more
     * @param maxYields {@link Thread#yield()} calls before parking, 0 or more
     * @param minParkNanos first park period in nanoseconds, at least 1
     * @param maxParkNanos longest park period in nanoseconds, at least {@code minParkNanos}
     */
    public BackoffIdleStrategy(int maxSpins, int maxYields, long minParkNanos, long maxParkNanos) {
        this.maxSpins = Checks.range("maxSpins", maxSpins, 0, Integer.MAX_VALUE);
        this.maxYields = Checks.range("maxYields", maxYields, 0, Integer.MAX_VALUE);
        if (minParkNanos < 1 || maxParkNanos < minParkNanos) {
            throw new IllegalArgumentException(
                    "need 1 <= minParkNanos <= maxParkNanos, was " + minParkNanos + " and " + maxParkNanos);
        }
        this.minParkNanos = minParkNanos;
        this.maxParkNanos = maxParkNanos;
        this.parkNanos = minParkNanos;
    }

    @Override
    public void idle(int workCount) {
        if (workCount > 0) {
            reset();
        } else if (spins < maxSpins) {
            spins++;
            Thread.onSpinWait();
        } else if (yields < maxYields) {
            yields++;
            Thread.yield();
        } else {
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(parkNanos << 1, maxParkNanos);
        }
    }

    @Override
    public void reset() {
        spins = 0;
        yields = 0;
        parkNanos = minParkNanos;
    }
}
