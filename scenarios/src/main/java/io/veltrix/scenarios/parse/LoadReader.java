package io.veltrix.scenarios.parse;

import io.veltrix.scenarios.model.Distribution;
import io.veltrix.scenarios.model.LoadModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code load}: exactly one of the open models or the closed one. */
final class LoadReader {
    static final String EXPECTED = "a mapping with one of constant, poisson, ramp, steps, spike, closed";
    private static final List<String> MODELS =
            List.of("constant", "poisson", "ramp", "steps", "phases", "spike", "closed");

    private LoadReader() {}

    static LoadModel read(ParseContext context, YamlNode node) {
        Fields fields = Fields.of(context, node, "load", Keys.LOAD, EXPECTED);
        if (fields == null) {
            return null;
        }
        int before = context.problemCount();
        String model = fields.oneOf(MODELS);
        if (model == null) {
            return null;
        }
        LoadModel load = readModel(context, fields.node(model), fields.pathOf(model), model);
        return context.problemCount() == before ? load : null;
    }

    private static LoadModel readModel(ParseContext context, YamlNode node, String path, String model) {
        switch (model) {
            case "constant":
            case "poisson": {
                Fields f = Fields.of(
                        context,
                        node,
                        path,
                        model.equals("constant") ? Keys.CONSTANT_LOAD : Keys.POISSON_LOAD,
                        "a mapping with rate, like {rate: 5000/s}");
                Double rate = f == null ? null : f.rate("rate", true);
                if (rate == null) {
                    return null;
                }
                return model.equals("constant") ? new LoadModel.Constant(rate) : new LoadModel.Poisson(rate);
            }
            case "ramp":
                return readRamp(context, node, path);
            case "steps":
            case "phases":
                return readSteps(context, node, path);
            case "spike":
                return readSpike(context, node, path);
            default:
                return readClosed(context, node, path);
        }
    }

    private static LoadModel readRamp(ParseContext context, YamlNode node, String path) {
        Fields f = Fields.of(context, node, path, Keys.RAMP_LOAD, "a mapping with from, to and over");
        if (f == null) {
            return null;
        }
        Double from = f.rate("from", true);
        Double to = f.rate("to", true);
        Duration over = f.positiveDuration("over", null, true);
        Boolean poisson = f.bool("poisson", false);
        if (from == null || to == null || over == null || poisson == null) {
            return null;
        }
        return new LoadModel.Ramp(from, to, over, poisson);
    }

    private static LoadModel readSteps(ParseContext context, YamlNode node, String path) {
        if (!(node instanceof YamlNode.Sequence)
                || ((YamlNode.Sequence) node).items().isEmpty()) {
            context.error(
                    node.location(),
                    path + ": expected a list of phases like - {rate: 1000/s, duration: 5s}, found "
                            + (node instanceof YamlNode.Sequence ? "an empty list" : node.describe()));
            return null;
        }
        List<LoadModel.Phase> phases = new ArrayList<>();
        boolean broken = false;
        List<YamlNode> items = ((YamlNode.Sequence) node).items();
        for (int i = 0; i < items.size(); i++) {
            LoadModel.Phase phase = readPhase(context, items.get(i), Paths.item(path, i));
            broken |= phase == null;
            phases.add(phase);
        }
        if (broken) {
            return null;
        }
        if (phases.stream().noneMatch(p -> p.ratePerSecond() > 0)) {
            context.error(node.location(), path + ": every phase has rate 0/s; at least one must have arrivals");
            return null;
        }
        return new LoadModel.Steps(phases);
    }

    private static LoadModel.Phase readPhase(ParseContext context, YamlNode node, String path) {
        Fields f = Fields.of(context, node, path, Keys.PHASE, "a phase like {rate: 1000/s, duration: 5s}");
        if (f == null) {
            return null;
        }
        Double rate = f.rate("rate", false);
        Duration duration = f.positiveDuration("duration", null, true);
        Boolean poisson = f.bool("poisson", false);
        if (rate == null || duration == null || poisson == null) {
            return null;
        }
        return new LoadModel.Phase(rate, duration, poisson);
    }

    private static LoadModel readSpike(ParseContext context, YamlNode node, String path) {
        Fields f = Fields.of(context, node, path, Keys.SPIKE_LOAD, "a mapping with base, peak, every and duration");
        if (f == null) {
            return null;
        }
        Double base = f.rate("base", false);
        Double peak = f.rate("peak", true);
        Duration every = f.positiveDuration("every", null, true);
        Duration duration = f.positiveDuration("duration", null, true);
        Boolean poisson = f.bool("poisson", false);
        if (every != null && duration != null && duration.compareTo(every) >= 0) {
            f.error(
                    "duration",
                    "must be shorter than every (" + Quantities.formatDuration(every) + "), was "
                            + Quantities.formatDuration(duration));
            return null;
        }
        if (base == null || peak == null || every == null || duration == null || poisson == null) {
            return null;
        }
        return new LoadModel.Spike(base, peak, every, duration, poisson);
    }

    private static LoadModel readClosed(ParseContext context, YamlNode node, String path) {
        Fields f = Fields.of(context, node, path, Keys.CLOSED_LOAD, "a mapping with concurrency and think-time");
        if (f == null) {
            return null;
        }
        Integer concurrency = f.requiredInteger("concurrency", 1);
        Distribution think = new Distribution.Constant(Duration.ZERO);
        if (f.has("think-time")) {
            think = DistributionReader.read(context, f.node("think-time"), f.pathOf("think-time"));
        }
        if (concurrency == null || think == null) {
            return null;
        }
        return new LoadModel.Closed(concurrency, think);
    }
}
