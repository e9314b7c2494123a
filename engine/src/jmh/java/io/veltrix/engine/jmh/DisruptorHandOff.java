package io.veltrix.engine.jmh;

import com.lmax.disruptor.EventFactory;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * LMAX Disruptor 4.0.0: a pre-allocated ring buffer whose events carry a reference to the producer's
 * {@link Completions} (or, under {@code -p payload=long}, its number). A single producer uses {@link ProducerType#SINGLE}, more use {@link ProducerType#MULTI};
 * producers call {@code tryPublishEvent}, so a full ring rejects instead of waiting. Disruptor 4 has no worker
 * pool, so {@code w} consumers are {@code w} event handlers that each handle the sequences congruent to their
 * index modulo {@code w} (each still reads every sequence).
 */
final class DisruptorHandOff<E> implements HandOff {
    /** The ring's entry under {@code -p payload=object}: a reference to the producer's token (16 bytes). */
    static final class RefEvent {
        Completions producer;
    }

    /** The ring's entry under {@code -p payload=long}: the token's number, the Disruptor's own {@code LongEvent}. */
    static final class LongEvent {
        long number;
    }

    private final Disruptor<E> disruptor;
    private final RingBuffer<E> ring;
    private final EventTranslatorOneArg<E, Completions> publish;

    /** @param numbered whether events carry the producer's {@link Completions#number} instead of a reference */
    static HandOff create(
            int producers, int workers, int capacity, Supplier<WaitStrategy> waitStrategy, boolean numbered) {
        if (numbered) {
            return new DisruptorHandOff<LongEvent>(
                    producers,
                    workers,
                    capacity,
                    waitStrategy,
                    LongEvent::new,
                    (event, sequence, producer) -> event.number = producer.number,
                    event -> Completions.byNumber(event.number));
        }
        return new DisruptorHandOff<RefEvent>(
                producers,
                workers,
                capacity,
                waitStrategy,
                RefEvent::new,
                (event, sequence, producer) -> event.producer = producer,
                event -> event.producer);
    }

    /**
     * @param publish writes the producer's token (or its number) into an event
     * @param token the consumer's side: the token an event names
     */
    private DisruptorHandOff(
            int producers,
            int workers,
            int capacity,
            Supplier<WaitStrategy> waitStrategy,
            EventFactory<E> factory,
            EventTranslatorOneArg<E, Completions> publish,
            Function<E, Completions> token) {
        if (Integer.bitCount(workers) != 1 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException(
                    "workers and capacity must be powers of two, were " + workers + " and " + capacity);
        }
        disruptor = new Disruptor<>(
                factory,
                capacity,
                DaemonThreadFactory.INSTANCE,
                producers == 1 ? ProducerType.SINGLE : ProducerType.MULTI,
                waitStrategy.get());
        @SuppressWarnings("unchecked")
        EventHandler<E>[] handlers = new EventHandler[workers];
        long mask = workers - 1;
        for (int i = 0; i < workers; i++) {
            long index = i;
            handlers[i] = (event, sequence, endOfBatch) -> {
                if ((sequence & mask) == index) {
                    token.apply(event).run();
                }
            };
        }
        disruptor.handleEventsWith(handlers);
        ring = disruptor.start();
        this.publish = publish;
    }

    @Override
    public int submit(Completions producer, int n) {
        RingBuffer<E> r = ring;
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
