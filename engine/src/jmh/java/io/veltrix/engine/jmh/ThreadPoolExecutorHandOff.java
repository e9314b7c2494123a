package io.veltrix.engine.jmh;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A fixed {@link ThreadPoolExecutor} over an {@link ArrayBlockingQueue}: the producer executes the pre-allocated
 * {@link Completions} runnable. Rejection is counted by a handler that runs on the producer's thread (the
 * default {@code AbortPolicy} would allocate an exception per rejection). Idle workers block in
 * {@code take()}: a lock and a condition, parked until a producer signals.
 */
final class ThreadPoolExecutorHandOff implements HandOff {
    private final ThreadPoolExecutor executor;

    ThreadPoolExecutorHandOff(int workers, int capacity) {
        executor = new ThreadPoolExecutor(
                workers,
                workers,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(capacity),
                r -> {
                    Thread t = new Thread(r, "tpe-jmh-worker");
                    t.setDaemon(true);
                    return t;
                },
                (task, pool) -> ((Completions) task).rejected++);
        executor.prestartAllCoreThreads();
    }

    @Override
    public int submit(Completions producer, int n) {
        long rejectedBefore = producer.rejected;
        for (int i = 0; i < n; i++) {
            executor.execute(producer);
        }
        return n - (int) (producer.rejected - rejectedBefore);
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
