package io.veltrix.engine;

/**
 * How an exponential back-off spreads its delays, after Marc Brooker, "Exponential Backoff And Jitter", AWS
 * Architecture Blog, 2015. With {@code exp = min(cap, base * multiplier^(retry-1))}:
 */
public enum Jitter {
    /** {@code delay = exp}: every client retries in lock step (the storm the article warns about). */
    NONE,
    /** {@code delay = uniform(0, exp)}. */
    FULL,
    /** {@code delay = exp/2 + uniform(0, exp/2)}. */
    EQUAL,
    /** {@code delay = min(cap, uniform(base, previousDelay * 3))}, with {@code previousDelay = base} at first. */
    DECORRELATED
}
