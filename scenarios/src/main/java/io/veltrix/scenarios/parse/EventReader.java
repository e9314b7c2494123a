package io.veltrix.scenarios.parse;

import io.veltrix.scenarios.model.Distribution;
import io.veltrix.scenarios.model.EventType;
import io.veltrix.scenarios.model.FailureKind;
import io.veltrix.scenarios.model.FailureSpec;
import io.veltrix.scenarios.model.FailureWindow;
import io.veltrix.scenarios.model.ServiceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.SourceVersion;

/** Reads {@code events}: the event types, their shares, tiers, service times and failures. */
final class EventReader {
    static final String SHARE_EXPECTED = "a positive weight like 3, or a percentage like 20%";

    private final ParseContext context;
    private final List<String> tiers;

    /** A share as written: a weight, or a percentage (then {@code percent}). */
    private record Share(double weight, boolean percent) {}

    private EventReader(ParseContext context, List<String> tiers) {
        this.context = context;
        this.tiers = tiers;
    }

    /**
     * The event types, shares normalised, or null when anything is wrong (problems recorded).
     *
     * @param tiers the engine's tiers (event tiers must be among them), or null when those were wrong
     */
    static List<EventType> read(ParseContext context, YamlNode node, List<String> tiers) {
        return new EventReader(context, tiers).readAll(node);
    }

    private List<EventType> readAll(YamlNode node) {
        if (!(node instanceof YamlNode.Sequence)
                || ((YamlNode.Sequence) node).items().isEmpty()) {
            context.error(
                    node.location(),
                    "events: expected a list of event types like - {name: payment, share: 20%, service: 1ms}, found "
                            + (node instanceof YamlNode.Sequence ? "an empty list" : node.describe()));
            return null;
        }
        int before = context.problemCount();
        List<YamlNode> items = ((YamlNode.Sequence) node).items();
        Map<String, Location> names = new HashMap<>();
        List<String> typeNames = new ArrayList<>();
        List<Share> shares = new ArrayList<>();
        List<EventType> drafts = new ArrayList<>();
        Boolean percentStyle = null;
        List<Fields> withoutShare = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = Paths.item("events", i);
            Fields f = Fields.of(context, items.get(i), path, Keys.EVENT_TYPE, "an event type mapping");
            if (f == null) {
                continue;
            }
            String name = f.name("name", "a name for the event type, like payment");
            if (name != null) {
                Location first = names.putIfAbsent(name, f.valueLocation("name"));
                if (first != null) {
                    f.error("name", "duplicate event type '" + name + "'; the first is on line " + first.line());
                }
            }
            Share share = readShare(f);
            if (share != null && f.has("share")) {
                if (percentStyle == null) {
                    percentStyle = share.percent();
                } else if (percentStyle != share.percent()) {
                    f.error(
                            "share",
                            "percentages and plain weights cannot be mixed; write every share as a percentage,"
                                    + " or every share as a weight");
                }
            }
            if (!f.has("share")) {
                withoutShare.add(f);
            }
            EventType draft = readRest(f, name);
            typeNames.add(name);
            shares.add(share);
            drafts.add(draft);
        }
        if (Boolean.TRUE.equals(percentStyle)) {
            for (Fields f : withoutShare) {
                f.missing("share", "a percentage like 20%, as the other event types give percentages");
            }
        }
        if (context.problemCount() != before || drafts.contains(null) || shares.contains(null)) {
            return null;
        }
        double total = shares.stream().mapToDouble(Share::weight).sum();
        List<EventType> events = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            EventType d = drafts.get(i);
            double weight = shares.get(i).weight();
            events.add(new EventType(
                    typeNames.get(i),
                    weight,
                    weight / total,
                    d.tier(),
                    d.service(),
                    d.serviceKind(),
                    d.failures(),
                    d.handler()));
        }
        return events;
    }

    /** The share as written; absent, a weight of 1 (equal shares when no event type gives one). */
    private Share readShare(Fields f) {
        if (!f.has("share")) {
            return new Share(1.0, false);
        }
        String text = f.scalarText("share", SHARE_EXPECTED);
        if (text == null) {
            return null;
        }
        boolean percent = text.endsWith("%");
        String number = percent ? text.substring(0, text.length() - 1) : text;
        double weight;
        try {
            weight = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            f.error("share", "'" + text + "' is not a number; expected " + SHARE_EXPECTED);
            return null;
        }
        if (!(weight > 0.0) || Double.isInfinite(weight) || (percent && weight > 100.0)) {
            f.error(
                    "share",
                    "must be " + (percent ? "more than 0% and at most 100%" : "more than 0") + ", was " + text);
            return null;
        }
        return new Share(weight, percent);
    }

    /** The event type with its weight as its share for now, or null; the caller normalises shares once all are read. */
    private EventType readRest(Fields f, String name) {
        int before = context.problemCount();
        String tier = readTier(f);
        Distribution service = null;
        if (f.has("service")) {
            service = DistributionReader.read(context, f.node("service"), f.pathOf("service"));
        } else {
            f.missing("service", DistributionReader.EXPECTED);
        }
        ServiceKind kind = f.choice("kind", ServiceKind.values(), ServiceKind::token, ServiceKind.CPU);
        FailureSpec failures = FailureSpec.NONE;
        if (f.has("failures")) {
            failures = readFailures(f.node("failures"), f.pathOf("failures"));
        }
        Optional<String> handler = Optional.empty();
        if (f.has("handler")) {
            String text = f.scalarText("handler", "a fully-qualified class name like com.example.PaymentHandler");
            if (text != null && !SourceVersion.isName(text)) {
                f.error(
                        "handler",
                        "'" + text + "' is not a fully-qualified Java class name; expected one like"
                                + " com.example.PaymentHandler");
            }
            handler = Optional.ofNullable(text);
        }
        if (context.problemCount() != before || name == null || tier == null) {
            return null;
        }
        return new EventType(name, 1.0, 1.0, tier, service, kind, failures, handler);
    }

    private String readTier(Fields f) {
        if (tiers == null) {
            return null;
        }
        if (!f.has("tier")) {
            return tiers.contains("normal") ? "normal" : tiers.get(tiers.size() - 1);
        }
        String tier = f.scalarText("tier", "one of the tiers " + String.join(", ", tiers));
        if (tier != null && !tiers.contains(tier)) {
            f.error(
                    "tier",
                    "unknown tier '" + tier + "'; expected one of " + String.join(", ", tiers)
                            + Suggestions.didYouMean(tier, tiers));
            return null;
        }
        return tier;
    }

    private FailureSpec readFailures(YamlNode node, String path) {
        Fields f = Fields.of(context, node, path, Keys.FAILURES, "a mapping with rate, kind and windows");
        if (f == null) {
            return null;
        }
        int before = context.problemCount();
        Double rate = f.fraction("rate", 0.0);
        FailureKind kind = f.choice("kind", FailureKind.values(), FailureKind::token, FailureKind.TRANSIENT);
        List<FailureWindow> windows = new ArrayList<>();
        if (f.has("windows")) {
            YamlNode list = f.node("windows");
            if (!(list instanceof YamlNode.Sequence)) {
                f.error(
                        "windows",
                        "expected a list of windows like - {from: 10s, to: 15s, rate: 100%}, found " + list.describe());
            } else {
                List<YamlNode> items = ((YamlNode.Sequence) list).items();
                for (int i = 0; i < items.size(); i++) {
                    windows.add(readWindow(items.get(i), Paths.item(f.pathOf("windows"), i), kind));
                }
            }
        }
        if (context.problemCount() != before) {
            return null;
        }
        return new FailureSpec(rate, kind, windows);
    }

    private FailureWindow readWindow(YamlNode node, String path, FailureKind defaultKind) {
        Fields f = Fields.of(context, node, path, Keys.FAILURE_WINDOW, "a window like {from: 10s, to: 15s}");
        if (f == null) {
            return null;
        }
        Duration from = f.requiredDuration("from");
        Duration to = f.requiredDuration("to");
        Double rate = f.fraction("rate", 1.0);
        FailureKind kind = f.choice("kind", FailureKind.values(), FailureKind::token, defaultKind);
        if (from != null && to != null && to.compareTo(from) <= 0) {
            f.error(
                    "to",
                    "must be after from (" + Quantities.formatDuration(from) + "), was "
                            + Quantities.formatDuration(to));
            return null;
        }
        if (from == null || to == null || rate == null || kind == null) {
            return null;
        }
        return new FailureWindow(from, to, rate, kind);
    }
}
