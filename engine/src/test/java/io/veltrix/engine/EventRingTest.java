package io.veltrix.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventRingTest {
    private static final EventType TYPE = new EventType("t", 0, "tier", 0);

    private static EventRing ring(int capacity, int sampling) {
        return new EventRing(capacity, sampling, new EventType[] {TYPE}, false);
    }

    /** Claims the next position under {@code limit} and publishes a first attempt there. */
    private static void put(
            EventRing ring,
            long limit,
            EventType type,
            Object payload,
            long tag,
            long intended,
            boolean given,
            long now) {
        long p = ring.tryClaim(limit);
        assertThat(p).as("claim").isNotNegative();
        ring.publish(p, type, payload, tag, intended, given, ring.timed(p), now);
    }

    /** A retry's own slot, as a worker hands it back to its queue. */
    private static EventSlot retry(int attempt) {
        EventSlot slot = new EventSlot();
        slot.type = TYPE;
        slot.attempt = attempt;
        return slot;
    }

    private static EventSlot[] flyweights(int n) {
        EventSlot[] f = new EventSlot[n];
        for (int i = 0; i < n; i++) {
            f[i] = new EventSlot(true);
        }
        return f;
    }

    @Test
    void shouldRoundTheSizeUpToAPowerOfTwoAtOrAboveCapacity() {
        assertThat(new EventRing(100, 1).size).isEqualTo(128);
        assertThat(new EventRing(128, 1).size).isEqualTo(128);
        assertThat(new EventRing(129, 1).size).isEqualTo(256);
        assertThat(new EventRing(1, 1).size).isEqualTo(2);
    }

    @Test
    void shouldAdmitExactlyUpToTheLimitAndKeepFifoOrderAcrossLaps() {
        EventRing ring = ring(8, 1);
        EventSlot[] fly = flyweights(8);
        EventSlot[] out = new EventSlot[8];
        long next = 0;
        long expected = 0;
        // 1000 laps of an 8-cell ring, filled to a limit of 5 each time.
        for (int lap = 0; lap < 1000; lap++) {
            for (int i = 0; i < 5; i++) {
                long p = ring.tryClaim(5);
                assertThat(p).isEqualTo(next);
                ring.publish(p, TYPE, "e" + next, next, 1000 + next, true, ring.timed(p), 2000 + next);
                next++;
            }
            assertThat(ring.tryClaim(5)).as("claim beyond the limit").isEqualTo(-1);
            assertThat(ring.depth()).isEqualTo(5);
            assertThat(ring.take(fly, out, 0, 3)).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                assertThat(out[i].tag()).isEqualTo(expected + i);
                assertThat(out[i].payload()).isEqualTo("e" + (expected + i));
                assertThat(out[i].intendedTimeNanos()).isEqualTo(1000 + expected + i);
            }
            assertThat(ring.depth()).isEqualTo(2);
            assertThat(ring.take(fly, out, 0, 8)).isEqualTo(2);
            assertThat(out[0].tag()).isEqualTo(expected + 3);
            assertThat(out[1].tag()).isEqualTo(expected + 4);
            assertThat(ring.depth()).isZero();
            assertThat(ring.taken()).isEqualTo(next);
            expected += 5;
        }
        assertThat(next).isEqualTo(expected);
    }

    @Test
    void shouldCopyEveryFieldOut() {
        EventRing ring = ring(4, 1);
        long p = ring.tryClaim(4);
        ring.publish(p, TYPE, "payload", 42, 111, true, ring.timed(p), 222);
        EventSlot[] fly = flyweights(1);
        EventSlot[] out = new EventSlot[1];
        assertThat(ring.take(fly, out, 0, 1)).isEqualTo(1);
        EventSlot e = out[0];
        assertThat(e).isSameAs(fly[0]);
        assertThat(e.type()).isSameAs(TYPE);
        assertThat(e.payload()).isEqualTo("payload");
        assertThat(e.tag()).isEqualTo(42);
        assertThat(e.attempt()).isEqualTo(1);
        assertThat(e.intendedTimeNanos()).isEqualTo(111);
        assertThat(e.submitNanos).isEqualTo(222);
        assertThat(e.enqueueNanos).isEqualTo(222);
        assertThat(e.timed).isTrue();
        assertThat(ring.headEnqueueNanos()).isEqualTo(-1);
    }

    @Test
    void shouldKeepNeitherTheTypeOfAOneTypeRingNorTheSubmitTimeOfAnUntimedEvent() {
        // One in 65536 timed: position 0 is (its hash is 0), position 1 is not.
        EventRing ring = ring(4, 65536);
        assertThat(ring.timed(0)).isTrue();
        assertThat(ring.timed(1)).isFalse();
        put(ring, 4, TYPE, "a", 1, 10, true, 20);
        put(ring, 4, TYPE, "b", 2, 30, true, 40);
        EventSlot[] fly = flyweights(2);
        EventSlot[] out = new EventSlot[2];
        assertThat(ring.take(fly, out, 0, 2)).isEqualTo(2);
        assertThat(out[0].type()).isSameAs(TYPE);
        assertThat(out[0].timed).isTrue();
        assertThat(out[0].submitNanos).isEqualTo(20);
        assertThat(out[1].type()).isSameAs(TYPE);
        assertThat(out[1].timed).isFalse();
        assertThat(out[1].intendedTimeNanos()).isEqualTo(30);
        assertThat(out[1].submitNanos).isZero();
        assertThat(out[1].enqueueNanos).isZero();
    }

    @Test
    void shouldReadBackOnlyTheFieldsThatWereSetThisLapAndTheRightTypeOfSeveral() {
        EventType a = new EventType("a", 0, "tier", 0);
        EventType b = new EventType("b", 1, "tier", 0);
        // Two cells: each lap reuses both, so what a lap leaves behind must never show through the next one.
        EventRing ring = new EventRing(2, 1, new EventType[] {a, b}, false);
        EventSlot[] fly = flyweights(2);
        EventSlot[] out = new EventSlot[2];
        put(ring, 2, b, "x", 7, 70, true, 700);
        put(ring, 2, a, "y", 8, 80, true, 800);
        assertThat(ring.take(fly, out, 0, 2)).isEqualTo(2);
        assertThat(out[0].type()).isSameAs(b);
        assertThat(out[1].type()).isSameAs(a);
        // Second lap: no tag, no intended time (timed: the submit time stands in for it).
        put(ring, 2, a, "z", 0, 0, false, 900);
        assertThat(ring.take(fly, out, 0, 1)).isEqualTo(1);
        assertThat(out[0].type()).isSameAs(a);
        assertThat(out[0].tag()).isZero();
        assertThat(out[0].intendedTimeNanos()).isEqualTo(900);
        assertThat(out[0].submitNanos).isEqualTo(900);

        EventRing untimed = new EventRing(2, 65536, new EventType[] {a, b}, false);
        put(untimed, 2, a, null, 5, 50, true, 0);
        put(untimed, 2, b, null, 6, 60, true, 0);
        assertThat(untimed.take(fly, out, 0, 2)).isEqualTo(2);
        // Position 2 (the first of the second lap) is not timed: without a given time, its intended time is 0.
        assertThat(untimed.timed(2)).isFalse();
        put(untimed, 2, b, null, 0, 0, false, 0);
        assertThat(untimed.take(fly, out, 0, 1)).isEqualTo(1);
        assertThat(out[0].type()).isSameAs(b);
        assertThat(out[0].tag()).isZero();
        assertThat(out[0].intendedTimeNanos()).isZero();
        assertThat(out[0].timed).isFalse();

        assertThatThrownBy(() -> new EventRing(2, 1, new EventType[] {b, a}, false))
                .hasMessage("a ring of several types needs them all, in index order");
    }

    @Test
    void shouldHandOnARetrysOwnSlot() {
        EventRing ring = ring(4, 1);
        EventSlot retry = retry(3);
        retry.firstFailure = "boom";
        ring.publishCarried(ring.tryClaim(4), retry, 777);
        assertThat(ring.headEnqueueNanos()).isEqualTo(777);
        EventSlot[] fly = flyweights(1);
        EventSlot[] out = new EventSlot[1];
        assertThat(ring.take(fly, out, 0, 1)).isEqualTo(1);
        assertThat(out[0]).isSameAs(retry);
        assertThat(out[0].attempt()).isEqualTo(3);
        assertThat(out[0].enqueueNanos).isEqualTo(777);
        assertThat(fly[0].type).as("the flyweight is untouched").isNull();
    }

    @Test
    void shouldHandOnEachEventsOwnPayloadWhetherTheCellLastHeldAPayloadANullOrARetry() {
        // A ring of 2 cells: cell 0 sees positions 0, 2, 4, ...; what each event in it carries, in turn.
        EventRing ring = ring(2, 1);
        EventSlot retry = retry(2);
        Object[] cell0 = {"x", retry, null, null, "y", retry, null, "z", "z", null};
        EventSlot[] fly = flyweights(1);
        EventSlot[] out = new EventSlot[1];
        for (int k = 0; k < cell0.length; k++) {
            for (int c = 0; c < 2; c++) {
                long p = ring.tryClaim(2);
                assertThat(p).isEqualTo(2L * k + c);
                Object carries = c == 0 ? cell0[k] : "other" + k;
                if (carries == retry) {
                    ring.publishCarried(p, retry, 5);
                } else {
                    ring.publish(p, TYPE, carries, p + 1, 0, false, ring.timed(p), 0);
                }
            }
            for (int c = 0; c < 2; c++) {
                assertThat(ring.take(fly, out, 0, 1)).isEqualTo(1);
                Object expected = c == 0 ? cell0[k] : "other" + k;
                if (expected == retry) {
                    assertThat(out[0]).as("lap %d: the retry's own slot", k).isSameAs(retry);
                } else {
                    assertThat(out[0].payload()).as("lap %d, cell %d", k, c).isEqualTo(expected);
                    assertThat(out[0].tag()).isEqualTo(2L * k + c + 1);
                }
            }
        }
    }

    @Test
    void shouldTakeTheOldestIntoAPooledSlot() {
        EventRing ring = ring(4, 1);
        for (int i = 0; i < 3; i++) {
            put(ring, 4, TYPE, null, i, 0, true, 0);
        }
        SlotPool pool = new SlotPool(4, 0);
        EventSlot victim = ring.takeOne(pool);
        assertThat(victim.flyweight).isFalse();
        assertThat(victim.tag()).isZero();
        assertThat(ring.depth()).isEqualTo(2);
        assertThat(ring.takeOne(pool).tag()).isEqualTo(1);
        assertThat(ring.takeOne(pool).tag()).isEqualTo(2);
        assertThat(ring.takeOne(pool)).isNull();
    }

    @Test
    void shouldTimeOneInNPositionsAlikeForEveryResidue() {
        EventRing ring = ring(4, 16);
        int n = 1 << 20;
        int[] timedByResidue = new int[4];
        for (long p = 0; p < n; p++) {
            if (ring.timed(p)) {
                timedByResidue[(int) (p & 3)]++;
            }
        }
        // Each residue class holds n/4 positions; one in 16 of them should be timed, give or take 1%.
        for (int r = 0; r < 4; r++) {
            assertThat(timedByResidue[r]).as("residue %d", r).isBetween(16220, 16550);
        }
        EventRing all = ring(4, 1);
        for (long p = 0; p < 1000; p++) {
            assertThat(all.timed(p)).isTrue();
        }
    }

    @Test
    void shouldReuseACellAsSoonAsThePositionALapBeforeIsTaken() {
        EventRing ring = ring(4, 1);
        for (int i = 0; i < 4; i++) {
            put(ring, 4, TYPE, "e" + i, i, 0, true, 0);
        }
        assertThat(ring.tryClaim(4)).isEqualTo(-1);
        EventSlot[] fly = flyweights(1);
        EventSlot[] out = new EventSlot[1];
        assertThat(ring.take(fly, out, 0, 1)).isEqualTo(1);
        // Position 4 reuses the cell of position 0 at once: position 0 was copied out before it was taken.
        put(ring, 4, TYPE, "e4", 4, 0, true, 0);
        assertThat(out[0].payload()).isEqualTo("e0");
        assertThat(out[0].tag()).isZero();
        EventSlot[] rest = new EventSlot[4];
        assertThat(ring.take(flyweights(4), rest, 0, 4)).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            assertThat(rest[i].payload()).isEqualTo("e" + (i + 1));
            assertThat(rest[i].tag()).isEqualTo(i + 1);
        }
    }

    @Test
    void shouldDeliverEveryEventExactlyOnceWithFourProducersAndFourConsumers() throws Exception {
        exactlyOnce(256, 4, false);
    }

    @Test
    void shouldDeliverEveryEventExactlyOnceWhenATinyRingLapsAllTheTime() throws Exception {
        // Capacity 16 = the ring's size: producers rewrite a cell as soon as it is taken, while consumers that
        // lost the race for it may still be reading it.
        exactlyOnce(16, 4, false);
    }

    @Test
    void shouldDeliverEveryEventExactlyOnceFromASingleProducerThatClaimsWithoutACas() throws Exception {
        exactlyOnce(16, 1, true);
        exactlyOnce(256, 1, true);
    }

    /**
     * {@code producers} producers, three consumers taking batches and one taking single events (as drop-oldest does): every
     * event is taken once, whole (its payload belongs to its tag), in each producer's order per consumer. About half
     * the events carry a null payload, in a pseudo-random pattern, so that cells see every change (a payload after a
     * null, a null after a payload, a null after a null, which the ring does not store).
     */
    private static boolean carriesNull(long i) {
        return (i * 0x9E3779B97F4A7C15L) >>> 63 == 0;
    }

    private static void exactlyOnce(int capacity, int producers, boolean singleProducer) throws Exception {
        int perProducer = 800_000 / producers;
        int n = producers * perProducer;
        EventRing ring = new EventRing(capacity, 1, new EventType[] {TYPE}, singleProducer);
        Long[] payloads = new Long[n];
        for (int i = 0; i < n; i++) {
            payloads[i] = carriesNull(i) ? null : (long) i;
        }
        AtomicIntegerArray seen = new AtomicIntegerArray(n);
        AtomicLong maxDepth = new AtomicLong();
        AtomicLong consumed = new AtomicLong();
        AtomicBoolean orderBroken = new AtomicBoolean();
        AtomicBoolean torn = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < producers; t++) {
            int base = t * perProducer;
            threads.add(new Thread(() -> {
                for (int i = 0; i < perProducer; i++) {
                    long p;
                    while ((p = ring.tryClaim(capacity)) < 0) {
                        Thread.yield();
                    }
                    ring.publish(p, TYPE, payloads[base + i], base + i, 0, false, ring.timed(p), 0);
                }
            }));
        }
        SlotPool pool = new SlotPool(4, 0);
        for (int t = 0; t < 4; t++) {
            boolean single = t == 3;
            threads.add(new Thread(() -> {
                EventSlot[] fly = flyweights(32);
                EventSlot[] out = new EventSlot[32];
                long[] lastTagOfProducer = new long[producers];
                java.util.Arrays.fill(lastTagOfProducer, -1);
                while (consumed.get() < n) {
                    maxDepth.accumulateAndGet(ring.depth(), Math::max);
                    int k;
                    if (single) {
                        EventSlot one;
                        synchronized (pool) {
                            one = ring.takeOne(pool);
                        }
                        k = one == null ? 0 : 1;
                        out[0] = one;
                    } else {
                        k = ring.take(fly, out, 0, 32);
                    }
                    for (int i = 0; i < k; i++) {
                        int tag = (int) out[i].tag();
                        seen.incrementAndGet(tag);
                        if (!java.util.Objects.equals(carriesNull(tag) ? null : (long) tag, out[i].payload())) {
                            torn.set(true);
                        }
                        // Within one consumer's takes, each producer's events come in the order submitted.
                        int producer = tag / perProducer;
                        if (tag <= lastTagOfProducer[producer]) {
                            orderBroken.set(true);
                        }
                        lastTagOfProducer[producer] = tag;
                    }
                    if (single && k == 1) {
                        synchronized (pool) {
                            pool.release(out[0]);
                        }
                    }
                    consumed.addAndGet(k);
                    if (k == 0) {
                        Thread.yield();
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(60_000);
            assertThat(t.isAlive()).isFalse();
        }
        for (int i = 0; i < n; i++) {
            assertThat(seen.get(i)).as("times event %d was taken", i).isEqualTo(1);
        }
        assertThat(torn.get())
                .as("an event's payload and tag came from different laps")
                .isFalse();
        assertThat(consumed.get()).isEqualTo(n);
        assertThat(orderBroken.get()).isFalse();
        assertThat(maxDepth.get()).isLessThanOrEqualTo(capacity);
        assertThat(ring.depth()).isZero();
        assertThat(ring.taken()).isEqualTo(n);
    }
}
