package io.veltrix.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything an {@link Engine} is built from. Immutable; made with {@link #builder()}, which checks every value
 * and names the one that is wrong.
 */
public final class EngineConfig {
    private final List<String> tiers;
    private final List<EventTypeConfig> eventTypes;
    private final Topology topology;
    private final TierScheduling scheduling;
    private final int workers;
    private final int batchSize;
    private final int latencySampling;
    private final boolean singleProducer;
    private final Supplier<IdleStrategy> idleStrategy;
    private final QueueSizing defaultSizing;
    private final OverflowPolicy defaultOverflow;
    private final Duration blockTimeout;
    private final RetryPolicy defaultRetry;
    private final Duration controlInterval;
    private final Duration harvestInterval;
    private final int deadLetterCapacity;
    private final Path deadLetterFile;
    private final EngineListener listener;
    private final String threadNamePrefix;

    private EngineConfig(Builder b) {
        this.tiers = List.copyOf(b.tiers);
        this.eventTypes = List.copyOf(b.eventTypes);
        this.topology = b.topology;
        this.scheduling = b.scheduling;
        this.workers = b.workers;
        this.batchSize = b.batchSize;
        this.latencySampling = b.latencySampling;
        this.singleProducer = b.singleProducer;
        this.idleStrategy = b.idleStrategy;
        this.defaultSizing = b.defaultSizing;
        this.defaultOverflow = b.defaultOverflow;
        this.blockTimeout = b.blockTimeout;
        this.defaultRetry = b.defaultRetry;
        this.controlInterval = b.controlInterval;
        this.harvestInterval = b.harvestInterval;
        this.deadLetterCapacity = b.deadLetterCapacity;
        this.deadLetterFile = b.deadLetterFile;
        this.listener = b.listener;
        this.threadNamePrefix = b.threadNamePrefix;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Tier names, highest priority first. */
    public List<String> tiers() {
        return tiers;
    }

    public List<EventTypeConfig> eventTypes() {
        return eventTypes;
    }

    public Topology topology() {
        return topology;
    }

    public TierScheduling scheduling() {
        return scheduling;
    }

    /** Worker threads. */
    public int workers() {
        return workers;
    }

    /** Most events a worker takes from one queue at a time. */
    public int batchSize() {
        return batchSize;
    }

    /** Whether one thread alone submits; see {@link Builder#singleProducer}. */
    public boolean singleProducer() {
        return singleProducer;
    }

    /** One in how many events of a fixed-capacity queue are timed; see {@link Builder#latencySampling}. */
    public int latencySampling() {
        return latencySampling;
    }

    public Supplier<IdleStrategy> idleStrategy() {
        return idleStrategy;
    }

    /** Sizing of the shared queue under {@link Topology#SINGLE}, and of types without their own. */
    public QueueSizing defaultSizing() {
        return defaultSizing;
    }

    /** Overflow of the shared queue under {@link Topology#SINGLE}, and of types without their own. */
    public OverflowPolicy defaultOverflow() {
        return defaultOverflow;
    }

    /** Longest a submitter waits under {@link OverflowPolicy#BLOCK}. */
    public Duration blockTimeout() {
        return blockTimeout;
    }

    public RetryPolicy defaultRetry() {
        return defaultRetry;
    }

    /** How often the dynamic sizing controller looks at each dynamic queue. */
    public Duration controlInterval() {
        return controlInterval;
    }

    /** How often worker histograms are collected into the engine's totals, at the latest. */
    public Duration harvestInterval() {
        return harvestInterval;
    }

    /** Dead letters kept in memory (the oldest are dropped from memory, never from the counts). */
    public int deadLetterCapacity() {
        return deadLetterCapacity;
    }

    /** A JSON-lines file that receives every dead letter, or {@code null}. */
    public Path deadLetterFile() {
        return deadLetterFile;
    }

    public EngineListener listener() {
        return listener;
    }

    public String threadNamePrefix() {
        return threadNamePrefix;
    }

    /** The sizing the given type's queue uses under {@link Topology#TIERED}. */
    QueueSizing sizingOf(EventTypeConfig type) {
        return type.sizing() != null ? type.sizing() : defaultSizing;
    }

    OverflowPolicy overflowOf(EventTypeConfig type) {
        return type.overflow() != null ? type.overflow() : defaultOverflow;
    }

    RetryPolicy retryOf(EventTypeConfig type) {
        return type.retry() != null ? type.retry() : defaultRetry;
    }

    @Override
    public String toString() {
        return "EngineConfig{topology=" + topology + ", tiers=" + tiers + ", scheduling=" + scheduling + ", workers="
                + workers + ", batch=" + batchSize + ", latencySampling=1/" + latencySampling
                + (singleProducer ? ", singleProducer" : "") + ", sizing="
                + defaultSizing + ", overflow=" + defaultOverflow
                + ", retry=" + defaultRetry + ", types=" + eventTypes + "}";
    }

    /** Builds an {@link EngineConfig}; every setter checks its argument. */
    public static final class Builder {
        private List<String> tiers = List.of("critical", "high", "normal", "low");
        private final List<EventTypeConfig> eventTypes = new ArrayList<>();
        private Topology topology = Topology.TIERED;
        private TierScheduling scheduling = TierScheduling.strict();
        private int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        private int batchSize = 64;
        private int latencySampling = 1;
        private boolean singleProducer;
        private Supplier<IdleStrategy> idleStrategy = BackoffIdleStrategy::new;
        private QueueSizing defaultSizing = QueueSizing.fixed(1024);
        private OverflowPolicy defaultOverflow = OverflowPolicy.REJECT;
        private Duration blockTimeout = Duration.ofSeconds(1);
        private RetryPolicy defaultRetry = RetryPolicy.none();
        private Duration controlInterval = Duration.ofMillis(100);
        private Duration harvestInterval = Duration.ofSeconds(1);
        private int deadLetterCapacity = 1000;
        private Path deadLetterFile;
        private EngineListener listener = EngineListener.NONE;
        private String threadNamePrefix = "veltrix";

        private Builder() {}

        /** Tier names, highest priority first (default critical, high, normal, low). */
        public Builder tiers(String... names) {
            Checks.notNull("tiers", names);
            if (names.length == 0) {
                throw new IllegalArgumentException("tiers must name at least one tier");
            }
            Set<String> seen = new HashSet<>();
            for (String n : names) {
                if (n == null || n.isBlank() || !seen.add(n)) {
                    throw new IllegalArgumentException(
                            "tier names must be non-blank and unique, got " + List.of(names));
                }
            }
            this.tiers = List.of(names);
            return this;
        }

        /** Adds an event type. */
        public Builder eventType(EventTypeConfig type) {
            eventTypes.add(Checks.notNull("eventType", type));
            return this;
        }

        /** Adds an event type with the engine defaults. */
        public <T> Builder eventType(String name, String tier, EventHandler<T> handler) {
            return eventType(EventTypeConfig.of(name, tier, handler));
        }

        public Builder topology(Topology topology) {
            this.topology = Checks.notNull("topology", topology);
            return this;
        }

        public Builder scheduling(TierScheduling scheduling) {
            this.scheduling = Checks.notNull("scheduling", scheduling);
            return this;
        }

        /** Worker threads, from 1 to 1024 (default: the number of CPUs). */
        public Builder workers(int workers) {
            this.workers = Checks.range("workers", workers, 1, 1024);
            return this;
        }

        /** Most events a worker takes from one queue at a time, from 1 to 4096 (default 64). */
        public Builder batchSize(int batchSize) {
            this.batchSize = Checks.range("batchSize", batchSize, 1, 4096);
            return this;
        }

        /**
         * Times one event in {@code oneIn} (a power of two from 1 to 65536; default 1, every event) in the queues
         * stored as rings (fixed capacity, other than borrowers under
         * {@link OverflowPolicy#SHED_LOWER_PRIORITY}); other queues time every event.
         *
         * <p>Timing an event costs two or three clock reads and five histogram records, which at millions of events
         * a second is most of what the engine does (a clock read alone is 20 to 65 ns on virtual machines). With
         * sampling, every count stays exact (submitted, completed, rejected, ...), while the latency histograms
         * (queueing delay, service time, end-to-end, from submit) hold the timed events only. Which events are
         * timed is decided by a hash of the event's position in its queue, so the choice does not follow the
         * submission pattern (types submitted round robin are sampled alike) nor the timing. An untimed event
         * submitted without an intended time carries {@code 0} as {@link Event#intendedTimeNanos()}; if it fails,
         * its retry deadline counts from its first failure.
         */
        public Builder latencySampling(int oneIn) {
            Checks.range("latencySampling", oneIn, 1, 65536);
            if (Integer.bitCount(oneIn) != 1) {
                throw new IllegalArgumentException(
                        "latencySampling must be a power of two (1, 2, 4, ... 65536), was " + oneIn);
            }
            this.latencySampling = oneIn;
            return this;
        }

        /**
         * Promises that one thread alone calls {@link Engine#submit} (default false: any number of threads may).
         * Like the LMAX Disruptor's {@code ProducerType.SINGLE}, the submit path then uses no atomic
         * read-modify-write at all: a fixed-capacity queue's ring is claimed with a plain ordered store, and the
         * submitted counters are the submitting thread's own. A hand-off then costs a third to a half less (see
         * {@code docs/benchmarks.md}).
         *
         * <p>The first thread that submits becomes the engine's producer; {@link Engine#submit} from any other thread
         * throws {@link IllegalStateException} and submits nothing. Workers and the retry timer are not producers:
         * a retry of an event in a fixed-capacity queue waits in a lane of its own beside the ring (a chunked queue
         * holding up to the queue's capacity of retries, under the queue's overflow policy), which workers drain
         * before the ring. Such a queue may therefore hold up to twice its capacity while retries pile up: its
         * capacity of first attempts and its capacity of retries.
         */
        public Builder singleProducer(boolean single) {
            this.singleProducer = single;
            return this;
        }

        /** Makes one idle strategy per worker (default {@link BackoffIdleStrategy}). */
        public Builder idleStrategy(Supplier<IdleStrategy> idleStrategy) {
            this.idleStrategy = Checks.notNull("idleStrategy", idleStrategy);
            return this;
        }

        public Builder defaultSizing(QueueSizing sizing) {
            this.defaultSizing = Checks.notNull("defaultSizing", sizing);
            return this;
        }

        public Builder defaultOverflow(OverflowPolicy overflow) {
            this.defaultOverflow = Checks.notNull("defaultOverflow", overflow);
            return this;
        }

        /** Longest a submitter waits under {@link OverflowPolicy#BLOCK} (default 1 s). */
        public Builder blockTimeout(Duration timeout) {
            this.blockTimeout = Checks.notNegative("blockTimeout", timeout);
            return this;
        }

        public Builder defaultRetry(RetryPolicy retry) {
            this.defaultRetry = Checks.notNull("defaultRetry", retry);
            return this;
        }

        /** How often dynamic queues are resized, from 1 ms (default 100 ms). */
        public Builder controlInterval(Duration interval) {
            this.controlInterval = Checks.positive("controlInterval", interval);
            if (interval.toNanos() < 1_000_000) {
                throw new IllegalArgumentException("controlInterval must be at least 1ms, was " + interval);
            }
            return this;
        }

        /** How often worker histograms are collected at the latest, from 10 ms (default 1 s). */
        public Builder harvestInterval(Duration interval) {
            this.harvestInterval = Checks.positive("harvestInterval", interval);
            if (interval.toNanos() < 10_000_000) {
                throw new IllegalArgumentException("harvestInterval must be at least 10ms, was " + interval);
            }
            return this;
        }

        /** Dead letters kept in memory, from 0 (default 1000). */
        public Builder deadLetterCapacity(int capacity) {
            this.deadLetterCapacity = Checks.range("deadLetterCapacity", capacity, 0, 10_000_000);
            return this;
        }

        /** Also append every dead letter to this JSON-lines file (written by a background thread). */
        public Builder deadLetterFile(Path file) {
            this.deadLetterFile = file;
            return this;
        }

        public Builder listener(EngineListener listener) {
            this.listener = Checks.notNull("listener", listener);
            return this;
        }

        public Builder threadNamePrefix(String prefix) {
            this.threadNamePrefix = Checks.notNull("threadNamePrefix", prefix);
            return this;
        }

        /** Checks the whole configuration and builds it. */
        public EngineConfig build() {
            if (eventTypes.isEmpty()) {
                throw new IllegalArgumentException("an engine needs at least one event type");
            }
            Set<String> names = new HashSet<>();
            for (EventTypeConfig t : eventTypes) {
                if (!names.add(t.name())) {
                    throw new IllegalArgumentException("event type '" + t.name() + "' is defined twice");
                }
                if (!tiers.contains(t.tier())) {
                    throw new IllegalArgumentException("event type '" + t.name() + "' names tier '" + t.tier()
                            + "', which is not one of the tiers " + tiers);
                }
                OverflowPolicy overflow = t.overflow() != null ? t.overflow() : defaultOverflow;
                if (overflow == OverflowPolicy.SHED_LOWER_PRIORITY && topology != Topology.TIERED) {
                    throw new IllegalArgumentException("overflow shed-lower-priority (event type '" + t.name()
                            + "') needs topology TIERED: a single FIFO queue cannot evict by tier");
                }
            }
            if (topology == Topology.SINGLE && defaultOverflow == OverflowPolicy.SHED_LOWER_PRIORITY) {
                throw new IllegalArgumentException(
                        "overflow shed-lower-priority needs topology TIERED: a single FIFO queue cannot evict by tier");
            }
            if (scheduling instanceof TierScheduling.Weighted w && w.weights().length != tiers.size()) {
                throw new IllegalArgumentException("weighted scheduling needs one weight per tier: " + tiers.size()
                        + " tiers " + tiers + " but " + w.weights().length + " weights");
            }
            return new EngineConfig(this);
        }
    }
}
