package io.veltrix.engine.jmh;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * LMAX Disruptor 4.0.0: a pre-allocated ring buffer whose events carry a reference to the producer's
 * {@link Completions} (or, under {@code -p payload=long}, its number). A single producer uses {@link ProducerType#SINGLE}, more use {@link ProducerType#MULTI};
 * producers call {@code tryPublishEvent}, so a full ring rejects instead of waiting. Disruptor 4 has no worker
 * pool, so {@code w} consumers are {@code w} event handlers that each handle the sequences congruent to their
 * index modulo {@code w} (each still reads every sequence).
 */
final class DisruptorHandOff implements HandOff {
    private static final EventTranslatorOneArg<Slot, Completions> PUBLISH =
            (slot, sequence, producer) -> slot.producer = producer;
    private static final EventTranslatorOneArg<Slot, Completions> PUBLISH_NUMBER =
            (slot, sequence, producer) -> slot.number = producer.number;

    private final Disruptor<Slot> disruptor;
    private final RingBuffer<Slot> ring;
    private final EventTranslatorOneArg<Slot, Completions> publish;

    /** The ring buffer's entry. */
    static final class Slot {
        Completions producer;
        /** The producer's {@link Completions#number}, under {@code -p payload=long} (then {@link #producer} is null). */
        long number;
    }

    /** @param numbered whether events carry the producer's {@link Completions#number} instead of a reference */
    DisruptorHandOff(int producers, int workers, int capacity, Supplier<WaitStrategy> waitStrategy, boolean numbered) {
        if (Integer.bitCount(workers) != 1 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException(
                    "workers and capacity must be powers of two, were " + workers + " and " + capacity);
        }
        disruptor = new Disruptor<>(
                Slot::new,
                capacity,
                DaemonThreadFactory.INSTANCE,
                producers == 1 ? ProducerType.SINGLE : ProducerType.MULTI,
                waitStrategy.get());
        @SuppressWarnings("unchecked")
        EventHandler<Slot>[] handlers = new EventHandler[workers];
        long mask = workers - 1;
        for (int i = 0; i < workers; i++) {
            long index = i;
            handlers[i] = numbered
                    ? (slot, sequence, endOfBatch) -> {
                        if ((sequence & mask) == index) {
                            Completions.byNumber(slot.number).run();
                        }
                    }
                    : (slot, sequence, endOfBatch) -> {
                        if ((sequence & mask) == index) {
                            slot.producer.run();
                        }
                    };
        }
        disruptor.handleEventsWith(handlers);
        ring = disruptor.start();
        publish = numbered ? PUBLISH_NUMBER : PUBLISH;
    }

    @Override
    public int submit(Completions producer, int n) {
        RingBuffer<Slot> r = ring;
        int accepted = 0;
        for (int i = 0; i < n; i++) {
            if (r.tryPublishEvent(publish, producer)) {
                accepted++;
            }
        }
        producer.rejected += n - accepted;
        return accepted;
    }

    @Override
    public void close() throws Exception {
        disruptor.shutdown(10, TimeUnit.SECONDS);
    }
}
