package io.veltrix.engine.jmh;

/**
 * One way to hand events from producer threads to consumer threads whose handler does nothing but
 * {@link Completions#run()}: the Veltrix engine, or a baseline a user would pick instead.
 */
interface HandOff extends AutoCloseable {

    /**
     * Offers {@code n} events from the calling producer thread without waiting: a full queue rejects the event
     * (counted in {@link Completions#rejected}), it is never retried.
     *
     * @return how many of the {@code n} events were accepted
     */
    int submit(Completions producer, int n);

    /** Stops the consumer threads. */
    @Override
    void close() throws Exception;
}
