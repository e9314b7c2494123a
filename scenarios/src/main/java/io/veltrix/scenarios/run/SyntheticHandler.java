package io.veltrix.scenarios.run;

import io.veltrix.engine.Event;
import io.veltrix.engine.EventHandler;
import io.veltrix.engine.Outcome;
import io.veltrix.scenarios.load.InjectedFailure;
import io.veltrix.scenarios.load.Schedule;
import io.veltrix.scenarios.model.ServiceKind;
import java.util.concurrent.locks.LockSupport;

/**
 * The handler of a scenario's event type: it takes the event's service time, then succeeds or fails as the schedule
 * says. The service time and the event's sequence number come from the tag ({@link TagCodec}); whether the attempt
 * fails is asked of {@link Schedule#failure} for every attempt, with the attempt's start time, so each retry gets
 * its own deterministic draw and failure windows apply to attempts made during them. Allocates nothing.
 *
 * <ul>
 *   <li>{@code cpu}: spins on {@link System#nanoTime()} for the service time, burning the worker's CPU.
 *   <li>{@code io}: parks ({@link LockSupport#parkNanos}) until the service time has passed, using no CPU; a park
 *       may overshoot by the OS timer slack (about 50 µs on Linux), as a real wait would.
 * </ul>
 */
final class SyntheticHandler implements EventHandler<Object> {
    private final Schedule schedule;
    private final int type;
    private final boolean io;
    private final RunClock clock;
    private final CompletionSignal completions;

    /**
     * @param type the event type's index in the scenario
     * @param completions told of every success (closed loads), or null
     */
    SyntheticHandler(Schedule schedule, int type, ServiceKind kind, RunClock clock, CompletionSignal completions) {
        this.schedule = schedule;
        this.type = type;
        this.io = kind == ServiceKind.IO;
        this.clock = clock;
        this.completions = completions;
    }

    @Override
    public Outcome onEvent(Event<Object> event) {
        long start = System.nanoTime();
        long tag = event.tag();
        long sequence = TagCodec.sequence(tag);
        InjectedFailure failure = schedule.failure(type, sequence, event.attempt() - 1, clock.sinceStart(start));
        long end = start + TagCodec.serviceNanos(tag);
        if (io) {
            for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        } else {
            while (System.nanoTime() - end < 0) {
                // Burning CPU is the point: this is the event's service time.
            }
        }
        switch (failure) {
            case TRANSIENT:
                return Outcome.TRANSIENT_FAILURE;
            case PERMANENT:
                return Outcome.PERMANENT_FAILURE;
            default:
                if (completions != null) {
                    completions.ended(sequence);
                }
                return Outcome.SUCCESS;
        }
    }
}
