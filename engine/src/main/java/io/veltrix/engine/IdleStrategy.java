package io.veltrix.engine;

/**
 * What an idle worker does between polls. A worker's duty cycle is {@code idle(doWork())}: a strategy sees how
 * much work the last cycle did and backs off while there is none. Each worker has its own instance.
 */
public interface IdleStrategy {

    /**
     * Called after each duty cycle.
     *
     * @param workCount the number of events the cycle handled; 0 means idle
     */
    void idle(int workCount);

    /** Forget the back-off state (called when the worker found work again). */
    void reset();
}
