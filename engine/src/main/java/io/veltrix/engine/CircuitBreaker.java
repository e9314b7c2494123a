package io.veltrix.engine;

/**
 * The state machine of {@link CircuitBreakerConfig}. Consulted by workers around each attempt of one event type;
 * synchronized, because it is optional and its transitions must be exact (the success path of types without a
 * breaker never comes here).
 */
final class CircuitBreaker {
    /** The breaker's state. */
    enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    /** Hears every state change (for the JFR event); called with the breaker's lock held. */
    interface TransitionListener {
        void onTransition(State from, State to);
    }

    private final CircuitBreakerConfig config;
    private final TransitionListener transitions;
    private final NanoClock clock;
    private final long windowNanos;
    private final long openForNanos;

    private State state = State.CLOSED;
    private long windowStart;
    private long attempts;
    private long failures;
    private long openUntil;
    private int probesIssued;
    private int probesSucceeded;

    private long opened;
    private long halfOpened;
    private long closed;
    private long shortCircuited;

    CircuitBreaker(CircuitBreakerConfig config, NanoClock clock) {
        this(config, clock, (from, to) -> {});
    }

    CircuitBreaker(CircuitBreakerConfig config, NanoClock clock, TransitionListener transitions) {
        this.config = config;
        this.transitions = transitions;
        this.clock = clock;
        this.windowNanos = config.window().toNanos();
        this.openForNanos = config.openFor().toNanos();
        this.windowStart = clock.nanoTime();
    }

    /** Whether an attempt may run now; false means fail fast (and is counted as short-circuited). */
    synchronized boolean allow() {
        long now = clock.nanoTime();
        if (state == State.OPEN) {
            if (now - openUntil < 0) {
                shortCircuited++;
                return false;
            }
            state = State.HALF_OPEN;
            halfOpened++;
            transitions.onTransition(State.OPEN, State.HALF_OPEN);
            probesIssued = 0;
            probesSucceeded = 0;
        }
        if (state == State.HALF_OPEN) {
            if (probesIssued >= config.halfOpenProbes()) {
                shortCircuited++;
                return false;
            }
            probesIssued++;
        }
        return true;
    }

    /** Records the outcome of an attempt that {@link #allow()} let through. */
    synchronized void onResult(boolean success) {
        long now = clock.nanoTime();
        switch (state) {
            case CLOSED -> {
                if (now - windowStart >= windowNanos) {
                    windowStart = now;
                    attempts = 0;
                    failures = 0;
                }
                attempts++;
                if (!success) {
                    failures++;
                }
                if (attempts >= config.minimumAttempts() && failures >= config.failureRatio() * attempts) {
                    open(now);
                }
            }
            case HALF_OPEN -> {
                if (!success) {
                    open(now);
                } else if (++probesSucceeded >= config.halfOpenProbes()) {
                    state = State.CLOSED;
                    closed++;
                    transitions.onTransition(State.HALF_OPEN, State.CLOSED);
                    windowStart = now;
                    attempts = 0;
                    failures = 0;
                }
            }
            case OPEN -> {
                // An attempt let through before the breaker opened finished late; the window it belonged to is gone.
            }
        }
    }

    private void open(long now) {
        transitions.onTransition(state, State.OPEN);
        state = State.OPEN;
        opened++;
        openUntil = now + openForNanos;
    }

    synchronized State state() {
        return state;
    }

    /** Counts of transitions and fail-fast attempts, for snapshots. */
    synchronized CircuitBreakerStats stats() {
        return new CircuitBreakerStats(
                state.name().toLowerCase().replace('_', '-'), opened, halfOpened, closed, shortCircuited);
    }
}
