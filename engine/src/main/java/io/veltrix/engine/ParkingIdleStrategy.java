package io.veltrix.engine;

import java.util.concurrent.locks.LockSupport;

/** Parks for a fixed period when idle: near-zero idle CPU, wake-up latency of about the period or more. */
public final class ParkingIdleStrategy implements IdleStrategy {
    private final long parkNanos;

    /** @param parkNanos the park period in nanoseconds, at least 1 */
    public ParkingIdleStrategy(long parkNanos) {
        if (parkNanos < 1) {
            throw new IllegalArgumentException("parkNanos must be at least 1, was " + parkNanos);
        }
        this.parkNanos = parkNanos;
    }

    @Override
    public void idle(int workCount) {
        if (workCount == 0) {
            LockSupport.parkNanos(parkNanos);
        }
    }

    @Override
    public void reset() {}
}
