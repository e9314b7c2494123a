package io.veltrix.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A handler that holds workers until opened, and tells how many are waiting in it. */
final class Gate implements EventHandler<Object> {
    private final CountDownLatch open = new CountDownLatch(1);
    final AtomicInteger entered = new AtomicInteger();
    final java.util.Queue<Long> handledTags = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @Override
    public Outcome onEvent(Event<Object> event) throws InterruptedException {
        entered.incrementAndGet();
        open.await();
        handledTags.add(event.tag());
        return Outcome.SUCCESS;
    }

    void open() {
        open.countDown();
    }

    /** Waits until {@code n} workers are inside the handler. */
    void awaitEntered(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (entered.get() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + entered.get() + " of " + n + " workers entered the handler");
            }
            Thread.sleep(1);
        }
    }
}
