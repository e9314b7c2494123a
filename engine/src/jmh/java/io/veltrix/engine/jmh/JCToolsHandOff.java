package io.veltrix.engine.jmh;

import io.veltrix.engine.BackoffIdleStrategy;
import io.veltrix.engine.IdleStrategy;
import org.jctools.queues.MpmcArrayQueue;

/**
 * A raw JCTools {@link MpmcArrayQueue}: producers offer their pre-allocated {@link Completions}, consumer threads
 * poll up to 64 at a time (the engine's default batch) and back off with the engine's own
 * {@link BackoffIdleStrategy} when the queue is empty. The floor of what the engine adds on top of its queues.
 */
final class JCToolsHandOff implements HandOff {
    private static final int BATCH = 64;

    private final MpmcArrayQueue<Completions> queue;
    private final Thread[] consumers;
    private volatile boolean running = true;

    JCToolsHandOff(int workers, int capacity) {
        queue = new MpmcArrayQueue<>(capacity);
        consumers = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            consumers[i] = new Thread(this::consume, "jctools-jmh-consumer-" + i);
            consumers[i].setDaemon(true);
            consumers[i].start();
        }
    }

    private void consume() {
        IdleStrategy idle = new BackoffIdleStrategy();
        MpmcArrayQueue<Completions> q = queue;
        while (running) {
            int n = 0;
            Completions c;
            while (n < BATCH && (c = q.relaxedPoll()) != null) {
                c.run();
                n++;
            }
            idle.idle(n);
        }
    }

    @Override
    public int submit(Completions producer, int n) {
        MpmcArrayQueue<Completions> q = queue;
        int accepted = 0;
        for (int i = 0; i < n; i++) {
            if (q.offer(producer)) {
                accepted++;
            }
        }
        producer.rejected += n - accepted;
        return accepted;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : consumers) {
            t.join(10_000);
        }
    }
}
