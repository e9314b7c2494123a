package io.veltrix.scenarios.parse;

import io.veltrix.scenarios.model.Backoff;
import io.veltrix.scenarios.model.CircuitBreaker;
import io.veltrix.scenarios.model.Jitter;
import io.veltrix.scenarios.model.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reads a {@code retry} policy: {@code none}, or a mapping with a backoff and its limits. */
final class RetryReader {
    static final String EXPECTED =
            "none, or a mapping with fixed or exponential (and max-attempts, deadline," + " budget, circuit-breaker)";
    static final int DEFAULT_MAX_ATTEMPTS = 3;
    static final double DEFAULT_MULTIPLIER = 2.0;
    static final Duration DEFAULT_CAP = Duration.ofSeconds(1);

    private RetryReader() {}

    static RetryPolicy read(ParseContext context, YamlNode node, String path) {
        if (node instanceof YamlNode.Scalar && ((YamlNode.Scalar) node).type() != YamlNode.ScalarType.NULL) {
            String text = ((YamlNode.Scalar) node).text();
            if (text.equals("none")) {
                return RetryPolicy.NONE;
            }
            context.error(
                    node.location(),
                    path + ": unknown value '" + text + "'; expected " + EXPECTED
                            + Suggestions.didYouMean(text, List.of("none")));
            return null;
        }
        Fields f = Fields.of(context, node, path, Keys.RETRY, EXPECTED);
        if (f == null) {
            return null;
        }
        int before = context.problemCount();
        String kind = f.oneOf(List.of("fixed", "exponential"));
        Backoff backoff = null;
        if ("fixed".equals(kind)) {
            Fields b = Fields.of(context, f.node("fixed"), f.pathOf("fixed"), Keys.FIXED_BACKOFF, "{delay: 10ms}");
            Duration delay = b == null ? null : b.requiredDuration("delay");
            backoff = delay == null ? null : new Backoff.Fixed(delay);
        } else if ("exponential".equals(kind)) {
            backoff = readExponential(context, f.node("exponential"), f.pathOf("exponential"));
        }
        Integer maxAttempts = f.integer("max-attempts", DEFAULT_MAX_ATTEMPTS, 1);
        Duration deadline = f.positiveDuration("deadline", null, false);
        Double budget = f.fraction("budget", null);
        if (budget != null && budget == 0.0) {
            f.error("budget", "must be more than 0%; to stop retries write retry: none");
        }
        CircuitBreaker breaker = null;
        if (f.has("circuit-breaker")) {
            breaker = readBreaker(context, f.node("circuit-breaker"), f.pathOf("circuit-breaker"));
        }
        if (context.problemCount() != before || backoff == null) {
            return null;
        }
        return new RetryPolicy(
                backoff,
                maxAttempts,
                Optional.ofNullable(deadline),
                budget == null ? OptionalDouble.empty() : OptionalDouble.of(budget),
                Optional.ofNullable(breaker));
    }

    private static Backoff readExponential(ParseContext context, YamlNode node, String path) {
        Fields f = Fields.of(
                context, node, path, Keys.EXPONENTIAL_BACKOFF, "a mapping with base, multiplier, cap" + " and jitter");
        if (f == null) {
            return null;
        }
        Duration base = f.positiveDuration("base", null, true);
        Double multiplier = f.number("multiplier", DEFAULT_MULTIPLIER, 1.0);
        Duration cap = f.duration("cap", null);
        Jitter jitter = f.choice("jitter", Jitter.values(), Jitter::token, Jitter.FULL);
        if (base == null || multiplier == null || jitter == null || (f.has("cap") && cap == null)) {
            return null;
        }
        if (cap == null) {
            cap = base.compareTo(DEFAULT_CAP) > 0 ? base : DEFAULT_CAP;
        } else if (cap.compareTo(base) < 0) {
            f.error(
                    "cap",
                    "must be at least base (" + Quantities.formatDuration(base) + "), was "
                            + Quantities.formatDuration(cap));
            return null;
        }
        return new Backoff.Exponential(base, multiplier, cap, jitter);
    }

    private static CircuitBreaker readBreaker(ParseContext context, YamlNode node, String path) {
        Fields f = Fields.of(
                context,
                node,
                path,
                Keys.CIRCUIT_BREAKER,
                "a mapping with failure-ratio, window," + " open-for and half-open-probes");
        if (f == null) {
            return null;
        }
        Double ratio = f.fraction("failure-ratio", 0.5);
        if (ratio != null && ratio == 0.0) {
            f.error("failure-ratio", "must be more than 0%");
            ratio = null;
        }
        Duration window = f.positiveDuration("window", Duration.ofSeconds(1), false);
        Duration openFor = f.positiveDuration("open-for", Duration.ofSeconds(1), false);
        Integer probes = f.integer("half-open-probes", 1, 1);
        if (ratio == null || window == null || openFor == null || probes == null) {
            return null;
        }
        return new CircuitBreaker(ratio, window, openFor, probes);
    }
}
