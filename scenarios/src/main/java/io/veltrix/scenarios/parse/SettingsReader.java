package io.veltrix.scenarios.parse;

import io.veltrix.scenarios.model.EngineSettings;
import io.veltrix.scenarios.model.IdleStrategy;
import io.veltrix.scenarios.model.Overflow;
import io.veltrix.scenarios.model.OverflowPolicy;
import io.veltrix.scenarios.model.RetryPolicy;
import io.veltrix.scenarios.model.Scheduling;
import io.veltrix.scenarios.model.SchedulingPolicy;
import io.veltrix.scenarios.model.Sizing;
import io.veltrix.scenarios.model.Strategy;
import io.veltrix.scenarios.model.Topology;
import io.veltrix.scenarios.model.TypeSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code engine} and {@code strategies}. Strategy fields cascade: built-in defaults, then the engine
 * section, then each strategy, then its {@code per-type} entries; each level's combinations are checked where
 * that level sets them.
 */
final class SettingsReader {
    static final int DEFAULT_BATCH = 16;
    static final int DEFAULT_CAPACITY = 1024;

    /** The strategy fields resolved at one level; every field is set (blockTimeout and weights may be null). */
    record Level(
            Topology topology,
            Sizing sizing,
            OverflowPolicy overflow,
            Duration blockTimeout,
            SchedulingPolicy scheduling,
            Map<String, Integer> weights,
            RetryPolicy retry,
            int workers) {

        Overflow overflowSettings() {
            return new Overflow(overflow, overflow == OverflowPolicy.BLOCK ? blockTimeout : Duration.ZERO);
        }

        Scheduling schedulingSettings() {
            return scheduling == SchedulingPolicy.WEIGHTED ? new Scheduling(scheduling, weights) : Scheduling.STRICT;
        }
    }

    /** The engine settings (null when wrong) and the strategy defaults the engine section sets. */
    record Engine(EngineSettings settings, Level defaults) {}

    private final ParseContext context;

    SettingsReader(ParseContext context) {
        this.context = context;
    }

    /** The default number of workers: one per core, less one core for the load generator. */
    static int defaultWorkers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** The tiers named in the engine section (or the defaults), or null when they are wrong. */
    List<String> readTiers(YamlNode engineNode) {
        if (!(engineNode instanceof YamlNode.Mapping)) {
            return EngineSettings.DEFAULT_TIERS;
        }
        YamlNode.Entry entry = ((YamlNode.Mapping) engineNode).entry("tiers");
        if (entry == null) {
            return EngineSettings.DEFAULT_TIERS;
        }
        YamlNode node = entry.value();
        if (!(node instanceof YamlNode.Sequence)
                || ((YamlNode.Sequence) node).items().isEmpty()) {
            context.error(
                    node.location(),
                    "engine.tiers: expected a list of tier names, highest priority first, like [critical, high,"
                            + " normal, low], found "
                            + (node instanceof YamlNode.Sequence ? "an empty list" : node.describe()));
            return null;
        }
        int before = context.problemCount();
        List<String> tiers = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        List<YamlNode> items = ((YamlNode.Sequence) node).items();
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String path = Paths.item("engine.tiers", i);
            if (!(item instanceof YamlNode.Scalar) || ((YamlNode.Scalar) item).type() == YamlNode.ScalarType.NULL) {
                context.error(item.location(), path + ": expected a tier name, found " + item.describe());
                continue;
            }
            String name = ((YamlNode.Scalar) item).text();
            if (!Names.isValid(name)) {
                context.error(item.location(), path + ": invalid name '" + name + "'; " + Names.RULE);
            } else if (seen.putIfAbsent(name, item.location()) != null) {
                context.error(
                        item.location(),
                        path + ": duplicate tier '" + name + "'; the first is on line "
                                + seen.get(name).line());
            }
            tiers.add(name);
        }
        return context.problemCount() == before ? List.copyOf(tiers) : null;
    }

    /** The strategy fields when neither the engine section nor a strategy sets them. */
    private static Level builtIn() {
        return new Level(
                Topology.TIERED,
                new Sizing.Fixed(DEFAULT_CAPACITY),
                OverflowPolicy.REJECT,
                null,
                SchedulingPolicy.STRICT,
                null,
                RetryPolicy.NONE,
                defaultWorkers());
    }

    /** The engine section (absent: all defaults), or null when wrong. {@code tiers} is null when they were wrong. */
    Engine readEngine(YamlNode node, List<String> tiers) {
        Level builtIn = builtIn();
        if (node == null) {
            return new Engine(
                    new EngineSettings(builtIn.workers(), tiers, DEFAULT_BATCH, IdleStrategy.BACKOFF), builtIn);
        }
        Fields f = Fields.of(context, node, "engine", Keys.ENGINE, "a mapping of engine settings");
        if (f == null) {
            return null;
        }
        int before = context.problemCount();
        Integer batch = f.integer("batch", DEFAULT_BATCH, 1);
        IdleStrategy idle = f.choice("idle", IdleStrategy.values(), IdleStrategy::token, IdleStrategy.BACKOFF);
        Level defaults = readLevel(f, builtIn, tiers);
        if (context.problemCount() != before || tiers == null) {
            // Strategy defaults that read well still serve to check the strategies.
            return defaults == null ? null : new Engine(null, defaults);
        }
        return new Engine(new EngineSettings(defaults.workers(), tiers, batch, idle), defaults);
    }

    /**
     * The strategies (absent: one called {@code default} with the engine's settings), or null when wrong.
     *
     * @param typeNames the event types' names, or null when those were wrong
     */
    List<Strategy> readStrategies(YamlNode node, Level defaults, List<String> tiers, List<String> typeNames) {
        if (node == null) {
            return defaults == null ? null : List.of(strategy("default", defaults, Map.of()));
        }
        if (!(node instanceof YamlNode.Sequence)
                || ((YamlNode.Sequence) node).items().isEmpty()) {
            context.error(
                    node.location(),
                    "strategies: expected a list of strategies like - {name: tiered, topology: tiered}, found "
                            + (node instanceof YamlNode.Sequence ? "an empty list" : node.describe()));
            return null;
        }
        int before = context.problemCount();
        List<Strategy> strategies = new ArrayList<>();
        Map<String, Location> names = new HashMap<>();
        List<YamlNode> items = ((YamlNode.Sequence) node).items();
        for (int i = 0; i < items.size(); i++) {
            Fields f = Fields.of(
                    context,
                    items.get(i),
                    Paths.item("strategies", i),
                    Keys.STRATEGY,
                    "a strategy" + " mapping with a name");
            if (f == null) {
                continue;
            }
            String name = f.name("name", "a name for the strategy, like tiered");
            if (name != null && names.putIfAbsent(name, f.valueLocation("name")) != null) {
                f.error(
                        "name",
                        "duplicate strategy name '" + name + "'; the first is on line "
                                + names.get(name).line());
            }
            if (defaults == null) {
                // The engine section's strategy fields are wrong: checking strategies over them would mislead.
                continue;
            }
            Level level = readLevel(f, defaults, tiers);
            Map<String, TypeSettings> perType = Map.of();
            if (f.has("per-type") && level != null) {
                perType = readPerType(f, level, tiers, typeNames);
            }
            if (name != null && level != null && perType != null) {
                strategies.add(strategy(name, level, perType));
            }
        }
        return context.problemCount() == before && defaults != null ? strategies : null;
    }

    private static Strategy strategy(String name, Level level, Map<String, TypeSettings> perType) {
        return new Strategy(
                name,
                level.topology(),
                level.sizing(),
                level.overflowSettings(),
                level.schedulingSettings(),
                level.retry(),
                level.workers(),
                perType);
    }

    private Map<String, TypeSettings> readPerType(
            Fields strategy, Level level, List<String> tiers, List<String> typeNames) {
        YamlNode node = strategy.node("per-type");
        String path = strategy.pathOf("per-type");
        if (!(node instanceof YamlNode.Mapping)) {
            strategy.error(
                    "per-type",
                    "expected a mapping from event type to overrides, like {payment: {retry:" + " none}}, found "
                            + node.describe());
            return null;
        }
        int before = context.problemCount();
        Map<String, TypeSettings> perType = new LinkedHashMap<>();
        for (YamlNode.Entry entry : ((YamlNode.Mapping) node).entries().values()) {
            String type = entry.key();
            if (typeNames != null && !typeNames.contains(type)) {
                context.error(
                        entry.keyLocation(),
                        path + ": unknown event type '" + type + "'; expected one of " + String.join(", ", typeNames)
                                + Suggestions.didYouMean(type, typeNames));
                continue;
            }
            Fields f = Fields.of(
                    context,
                    entry.value(),
                    Paths.child(path, type),
                    Keys.TYPE_OVERRIDE,
                    "a mapping" + " with sizing, overflow, block-timeout or retry");
            Level typeLevel = f == null ? null : readLevel(f, level, tiers);
            if (typeLevel != null) {
                perType.put(
                        type, new TypeSettings(typeLevel.sizing(), typeLevel.overflowSettings(), typeLevel.retry()));
            }
        }
        return context.problemCount() == before ? perType : null;
    }

    /** Reads the strategy fields {@code f} may set, over {@code parent}; null when anything is wrong. */
    private Level readLevel(Fields f, Level parent, List<String> tiers) {
        int before = context.problemCount();
        Topology topology = f.choice("topology", Topology.values(), Topology::token, parent.topology());
        Sizing sizing =
                f.has("sizing") ? SizingReader.read(context, f.node("sizing"), f.pathOf("sizing")) : parent.sizing();
        OverflowPolicy overflow =
                f.choice("overflow", OverflowPolicy.values(), OverflowPolicy::token, parent.overflow());
        Duration blockTimeout = f.positiveDuration("block-timeout", parent.blockTimeout(), false);
        SchedulingPolicy scheduling =
                f.choice("scheduling", SchedulingPolicy.values(), SchedulingPolicy::token, parent.scheduling());
        Map<String, Integer> weights = f.has("weights") ? WeightsReader.read(f, tiers) : parent.weights();
        RetryPolicy retry =
                f.has("retry") ? RetryReader.read(context, f.node("retry"), f.pathOf("retry")) : parent.retry();
        Integer workers = f.integer("workers", parent.workers(), 1);
        if (overflow != null) {
            checkOverflow(f, overflow, blockTimeout, topology);
        }
        if (scheduling != null) {
            checkScheduling(f, scheduling, weights, topology);
        }
        if (context.problemCount() != before) {
            return null;
        }
        return new Level(topology, sizing, overflow, blockTimeout, scheduling, weights, retry, workers);
    }

    private void checkOverflow(Fields f, OverflowPolicy overflow, Duration blockTimeout, Topology topology) {
        if (f.has("block-timeout") && overflow != OverflowPolicy.BLOCK) {
            f.error("block-timeout", "applies only to overflow: block, but overflow is " + overflow.token());
        }
        if (f.has("overflow") && overflow == OverflowPolicy.BLOCK && blockTimeout == null && !f.has("block-timeout")) {
            f.error(
                    "overflow",
                    "block needs block-timeout, how long a submitter may wait for room, like" + " block-timeout: 10ms");
        }
        if (overflow == OverflowPolicy.SHED_LOWER_PRIORITY
                && topology == Topology.SINGLE
                && (f.has("overflow") || f.has("topology"))) {
            f.error(
                    f.has("overflow") ? "overflow" : "topology",
                    "shed-lower-priority needs topology: tiered; a" + " single queue has no lower tier to shed");
        }
    }

    private void checkScheduling(
            Fields f, SchedulingPolicy scheduling, Map<String, Integer> weights, Topology topology) {
        if (f.has("weights") && scheduling != SchedulingPolicy.WEIGHTED) {
            f.error("weights", "apply only to scheduling: weighted, but scheduling is " + scheduling.token());
        }
        if (f.has("scheduling") && scheduling == SchedulingPolicy.WEIGHTED && weights == null && !f.has("weights")) {
            f.error(
                    "scheduling",
                    "weighted needs weights, one per tier, like weights: {critical: 8, high: 4,"
                            + " normal: 2, low: 1}");
        }
        if (scheduling == SchedulingPolicy.WEIGHTED
                && topology == Topology.SINGLE
                && (f.has("scheduling") || f.has("topology"))) {
            f.error(
                    f.has("scheduling") ? "scheduling" : "topology",
                    "weighted scheduling needs topology: tiered;" + " a single queue has no tiers to weigh");
        }
    }
}
