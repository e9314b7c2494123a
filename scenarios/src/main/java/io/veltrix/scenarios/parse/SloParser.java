package io.veltrix.scenarios.parse;

import io.veltrix.scenarios.model.Comparison;
import io.veltrix.scenarios.model.EventType;
import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.model.Slo;
import io.veltrix.scenarios.model.SloMetric;
import io.veltrix.scenarios.model.SloUnit;
import io.veltrix.scenarios.model.Strategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses SLO expressions: {@code METRIC COMPARATOR VALUE [over DURATION] [strategy=NAME] [type=NAME | tier=NAME]},
 * for example {@code p99 < 50ms over 10s strategy=tiered type=payment}. Whether the named strategy, type and tier
 * exist is checked by the scenario reader (and by the command line for {@code --assert}).
 */
public final class SloParser {
    private static final Pattern BYTES = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(B|KB|MB|GB)(/s)?");
    private static final List<String> COMPARATORS = List.of("<", "<=", ">", ">=", "==");
    private static final List<String> QUALIFIERS = List.of("strategy", "type", "tier");
    /** Comparators people write by habit, and the one they mean. */
    private static final Map<String, String> LIKELY_COMPARATORS = Map.of("=", "==", "=<", "<=", "=>", ">=");

    /** A word or an operator of an expression, and the 0-based index where it starts. */
    private record Token(String text, int start, boolean operator) {
        int column() {
            return start + 1;
        }
    }

    /** A parsed SLO and where its qualifier values start (0-based, -1 when absent), to point at them. */
    public record Parsed(Slo slo, int strategyStart, int typeStart, int tierStart) {}

    private SloParser() {}

    /**
     * Parses one SLO expression.
     *
     * @throws SloSyntaxException naming the bad token and its column when the expression is malformed
     */
    public static Slo parse(String expression) {
        return parseWithPositions(expression).slo();
    }

    /**
     * Parses one SLO expression given outside a scenario file (such as {@code veltrix bench --assert}) and checks
     * that the strategy, event type and tier it names exist in {@code scenario}.
     *
     * @throws SloSyntaxException naming the bad token (or unknown name) and its column
     */
    public static Slo parse(String expression, Scenario scenario) {
        Parsed parsed = parseWithPositions(expression);
        Slo slo = parsed.slo();
        checkName(
                parsed.strategyStart(),
                slo.strategy().orElse(null),
                "strategy",
                scenario.strategies().stream().map(Strategy::name).toList());
        checkName(
                parsed.typeStart(),
                slo.eventType().orElse(null),
                "event type",
                scenario.events().stream().map(EventType::name).toList());
        checkName(
                parsed.tierStart(),
                slo.tier().orElse(null),
                "tier",
                scenario.engine().tiers());
        return slo;
    }

    private static void checkName(int start, String name, String what, List<String> known) {
        if (name != null && !known.contains(name)) {
            throw new SloSyntaxException(
                    "unknown " + what + " '" + name + "' at column " + (start + 1) + "; expected one of "
                            + String.join(", ", known) + Suggestions.didYouMean(name, known),
                    start + 1);
        }
    }

    /**
     * Parses one SLO expression and says where its qualifiers' names start, so that a caller checking those names
     * can point at them.
     *
     * @throws SloSyntaxException naming the bad token and its column when the expression is malformed
     */
    public static Parsed parseWithPositions(String expression) {
        List<Token> tokens = tokenize(expression);
        if (tokens.isEmpty()) {
            throw new SloSyntaxException("empty SLO; expected an expression like p99 < 50ms", 1);
        }
        SloMetric metric = metric(tokens.get(0));
        Token comparatorToken = next(tokens, 1, expression, "a comparator (<, <=, >, >=, ==)");
        Comparison comparison = comparison(comparatorToken);
        Token valueToken = next(tokens, 2, expression, expectedValue(metric.dimension()));
        double[] threshold = new double[1];
        SloUnit unit = value(valueToken, metric.dimension(), threshold);
        Duration window = null;
        Token strategy = null;
        Token type = null;
        Token tier = null;
        for (int i = 3; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.text().equals("over")) {
                if (window != null) {
                    throw new SloSyntaxException(
                            "second 'over' at column " + token.column() + "; give one window", token.column());
                }
                window = window(next(tokens, ++i, expression, "a window duration like 10s"));
            } else if (!token.operator() && token.text().contains("=")) {
                String key = token.text().substring(0, token.text().indexOf('='));
                String name = token.text().substring(key.length() + 1);
                if (!QUALIFIERS.contains(key)) {
                    throw new SloSyntaxException(
                            "unknown qualifier '" + key + "' at column " + token.column()
                                    + "; expected strategy=, type= or tier=" + Suggestions.didYouMean(key, QUALIFIERS),
                            token.column());
                }
                if (name.isEmpty()) {
                    int column = token.column() + key.length() + 1;
                    throw new SloSyntaxException("missing name after '" + key + "=' at column " + column, column);
                }
                Token value = new Token(name, token.start() + key.length() + 1, false);
                Token earlier = key.equals("strategy") ? strategy : key.equals("type") ? type : tier;
                if (earlier != null) {
                    throw new SloSyntaxException(
                            "second '" + key + "=' at column " + token.column() + "; give one", token.column());
                }
                if (key.equals("strategy")) {
                    strategy = value;
                } else if (key.equals("type")) {
                    type = value;
                } else {
                    tier = value;
                }
                if (type != null && tier != null) {
                    throw new SloSyntaxException(
                            "'" + key + "=' at column " + token.column()
                                    + " beside '" + (key.equals("type") ? "tier" : "type")
                                    + "='; give type= (one event type) or tier= (its event types together), not both",
                            token.column());
                }
            } else {
                throw new SloSyntaxException(
                        "unexpected '" + token.text() + "' at column " + token.column()
                                + "; expected over <duration>, strategy=<name>, type=<name> or tier=<name>",
                        token.column());
            }
        }
        Slo slo = new Slo(
                expression,
                metric,
                comparison,
                threshold[0],
                unit,
                Optional.ofNullable(window),
                Optional.ofNullable(strategy).map(Token::text),
                Optional.ofNullable(type).map(Token::text),
                Optional.ofNullable(tier).map(Token::text));
        return new Parsed(
                slo,
                strategy == null ? -1 : strategy.start(),
                type == null ? -1 : type.start(),
                tier == null ? -1 : tier.start());
    }

    private static Token next(List<Token> tokens, int index, String expression, String expected) {
        if (index < tokens.size()) {
            return tokens.get(index);
        }
        Token last = tokens.get(tokens.size() - 1);
        int column = expression.length() + 1;
        throw new SloSyntaxException(
                "missing " + expected + " after '" + last.text() + "' at column " + column, column);
    }

    private static SloMetric metric(Token token) {
        List<String> names = new ArrayList<>();
        for (SloMetric metric : SloMetric.values()) {
            if (metric.token().equals(token.text())) {
                return metric;
            }
            names.add(metric.token());
        }
        throw new SloSyntaxException(
                "unknown metric '" + token.text() + "' at column " + token.column() + "; expected one of "
                        + String.join(", ", names) + Suggestions.didYouMean(token.text(), names),
                token.column());
    }

    private static Comparison comparison(Token token) {
        for (Comparison comparison : Comparison.values()) {
            if (comparison.token().equals(token.text())) {
                return comparison;
            }
        }
        if (!token.operator()) {
            throw new SloSyntaxException(
                    "expected a comparator at column " + token.column() + ", found '" + token.text()
                            + "'; expected one of " + String.join(", ", COMPARATORS),
                    token.column());
        }
        String likely = LIKELY_COMPARATORS.get(token.text());
        throw new SloSyntaxException(
                "unknown comparator '" + token.text() + "' at column " + token.column() + "; expected one of "
                        + String.join(", ", COMPARATORS) + (likely == null ? "" : "; did you mean '" + likely + "'?"),
                token.column());
    }

    private static String expectedValue(SloMetric.Dimension dimension) {
        switch (dimension) {
            case TIME:
                return "a duration like 50ms (us, ms, s)";
            case RATE:
                return "a rate like 4900/s";
            case COUNT:
                return "a count like 0 or a percentage like 0.1%";
            case BYTES:
                return "a size like 512B (B, KB, MB)";
            default:
                return "a byte rate like 50MB/s (B/s, KB/s, MB/s)";
        }
    }

    /** Parses the threshold into {@code out[0]} and returns its canonical unit. */
    private static SloUnit value(Token token, SloMetric.Dimension dimension, double[] out) {
        String text = token.text();
        try {
            if (token.operator()) {
                throw new IllegalArgumentException();
            }
            switch (dimension) {
                case TIME:
                    out[0] = Quantities.parseDuration(text).toNanos();
                    return SloUnit.NANOSECONDS;
                case RATE:
                    out[0] = Quantities.parseRate(text);
                    return SloUnit.PER_SECOND;
                case COUNT:
                    if (text.endsWith("%")) {
                        out[0] = Quantities.parseFraction(text);
                        return SloUnit.FRACTION;
                    }
                    if (text.matches("[0-9]{1,18}")) {
                        out[0] = Long.parseLong(text);
                        return SloUnit.COUNT;
                    }
                    throw new IllegalArgumentException();
                default:
                    Matcher m = BYTES.matcher(text);
                    boolean perSecond = dimension == SloMetric.Dimension.BYTE_RATE;
                    if (!m.matches() || (m.group(3) != null) != perSecond) {
                        throw new IllegalArgumentException();
                    }
                    int power = List.of("B", "KB", "MB", "GB").indexOf(m.group(2));
                    out[0] = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
                    return perSecond ? SloUnit.BYTES_PER_SECOND : SloUnit.BYTES;
            }
        } catch (IllegalArgumentException e) {
            throw new SloSyntaxException(
                    "invalid value '" + text + "' at column " + token.column() + "; expected "
                            + expectedValue(dimension),
                    token.column());
        }
    }

    private static Duration window(Token token) {
        try {
            Duration window = Quantities.parseDuration(token.text());
            if (!window.isZero()) {
                return window;
            }
        } catch (IllegalArgumentException e) {
            // reported below, naming the token
        }
        throw new SloSyntaxException(
                "invalid window '" + token.text() + "' at column " + token.column() + "; expected a duration like 10s",
                token.column());
    }

    /**
     * Splits an expression into words and operators. {@code <} and {@code >} always end a word; {@code =} ends
     * one when doubled ({@code loss==0}) or right after the metric ({@code p99=5ms}), so {@code strategy=x} stays
     * one word.
     */
    private static List<Token> tokenize(String expression) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (isOperatorChar(c)) {
                while (i < n && isOperatorChar(expression.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(expression.substring(start, i), start, true));
                continue;
            }
            while (i < n) {
                char d = expression.charAt(i);
                boolean doubled = i + 1 < n && expression.charAt(i + 1) == '=';
                if (Character.isWhitespace(d)
                        || d == '<'
                        || d == '>'
                        || (d == '!' && doubled)
                        || (d == '=' && (doubled || tokens.isEmpty()))) {
                    break;
                }
                i++;
            }
            tokens.add(new Token(expression.substring(start, i), start, false));
        }
        return tokens;
    }

    private static boolean isOperatorChar(char c) {
        return c == '<' || c == '>' || c == '=' || c == '!';
    }
}
