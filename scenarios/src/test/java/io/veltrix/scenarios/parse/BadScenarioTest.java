package io.veltrix.scenarios.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A table of bad scenario files and the exact message each must give, line and column included. */
class BadScenarioTest {

    /** A valid scenario that each case breaks in one place: its lines are numbered in the comments. */
    private static final String BASE = """
            name: base
            duration: 10s
            load:
              constant: {rate: 100/s}
            events:
              - {name: a, service: 1ms}
            """;

    static Stream<Arguments> badFiles() {
        return Stream.of(
                bad(
                        "empty file",
                        "",
                        "bad.yaml:1:1: error: the file is empty; expected a scenario mapping with name,"
                                + " duration, load and events"),
                bad(
                        "not YAML",
                        "name: [x\nduration: 1s\n",
                        "bad.yaml:2:9: error: invalid YAML: expected ',' or ']', but got : (while parsing a flow"
                                + " sequence at line 1, column 7)"),
                bad(
                        "tab indentation",
                        "name: x\nevents:\n\t- a\n",
                        "bad.yaml:3:1: error: invalid YAML: found character '\\t(TAB)' that cannot start any token."
                                + " (Do not use \\t(TAB) for indentation) (while scanning for the next token)"),
                bad(
                        "root is a list",
                        "- name: x\n",
                        "bad.yaml:1:1: error: scenario: expected a scenario mapping"
                                + " with name, duration, load and events, found a list"),
                bad(
                        "missing name",
                        BASE.replace("name: base\n", ""),
                        "bad.yaml:1:1: error: missing key 'name' in"
                                + " scenario; expected a name for the scenario, like checkout"),
                bad(
                        "misspelt top-level key",
                        BASE + "sed: 3\n",
                        "bad.yaml:7:1: error: unknown key 'sed' in" + " scenario; did you mean 'seed'?"),
                bad(
                        "unknown top-level key",
                        BASE + "colour: red\n",
                        "bad.yaml:7:1: error: unknown key 'colour' in"
                                + " scenario; expected one of: name, description, seed, duration, warmup, load, events,"
                                + " engine, strategies, slo"),
                bad(
                        "duplicate key",
                        BASE + "duration: 5s\n",
                        "bad.yaml:7:1: error: duplicate key 'duration' in" + " scenario; the first is on line 2"),
                bad(
                        "duration without unit",
                        BASE.replace("duration: 10s", "duration: 10"),
                        "bad.yaml:2:11: error:"
                                + " duration: missing unit in '10'; expected a duration like 250ms (units: ns, us, ms, s,"
                                + " m, h)"),
                bad(
                        "zero duration",
                        BASE.replace("duration: 10s", "duration: 0s"),
                        "bad.yaml:2:11: error:" + " duration: must be longer than 0, was 0s"),
                bad(
                        "run too long",
                        BASE.replace("duration: 10s", "duration: 99999h") + "warmup: 2h\n",
                        "bad.yaml:2:11: error: duration: warmup plus duration must be at most 100000h"),
                bad(
                        "seed not a number",
                        BASE + "seed: abc\n",
                        "bad.yaml:7:7: error: seed: expected a whole number" + " (64-bit), like 42, found 'abc'"),
                bad(
                        "rate without unit",
                        BASE.replace("100/s", "100"),
                        "bad.yaml:4:20: error: load.constant.rate:"
                                + " missing '/s' (or another unit) in '100'; expected a rate like 5000/s, 5k/s, 300/min or"
                                + " 1.5M/s (per ms, s, m or min, h; k = thousand, M = million)"),
                bad(
                        "two load models",
                        BASE.replace(
                                "constant: {rate: 100/s}", "constant: {rate: 100/s}\n  poisson:" + " {rate: 100/s}"),
                        "bad.yaml:5:3: error: load: 'constant' and 'poisson' cannot both be" + " given; choose one"),
                bad(
                        "no load model",
                        BASE.replace("constant: {rate: 100/s}", "ramp_up: {}"),
                        "bad.yaml:4:3: error:"
                                + " unknown key 'ramp_up' in load; expected one of: constant, poisson, ramp, steps, phases,"
                                + " spike, closed",
                        "bad.yaml:4:3: error: load: expected one of constant, poisson, ramp,"
                                + " steps, phases, spike, closed, found none"),
                bad(
                        "misspelt load model",
                        BASE.replace("constant:", "constnt:"),
                        "bad.yaml:4:3: error: unknown key" + " 'constnt' in load; did you mean 'constant'?"),
                bad(
                        "ramp from zero",
                        BASE.replace("constant: {rate: 100/s}", "ramp: {from: 0/s, to: 1k/s, over:" + " 5s}"),
                        "bad.yaml:4:16: error: load.ramp.from: must be more than 0/s, was 0/s"),
                bad(
                        "spike longer than its period",
                        BASE.replace(
                                "constant: {rate: 100/s}",
                                "spike: {base: 1k/s," + " peak: 5k/s, every: 1s, duration: 2s}"),
                        "bad.yaml:4:56: error: load.spike.duration:" + " must be shorter than every (1s), was 2s"),
                bad(
                        "closed without concurrency",
                        BASE.replace("constant: {rate: 100/s}", "closed: {think-time:" + " 1ms}"),
                        "bad.yaml:4:11: error: missing key 'concurrency' in load.closed; expected a whole"
                                + " number of at least 1"),
                bad(
                        "unknown tier",
                        BASE.replace("{name: a, service: 1ms}", "{name: a, tier: hgh, service: 1ms}"),
                        "bad.yaml:6:21: error: events[0].tier: unknown tier 'hgh'; expected one of critical, high,"
                                + " normal, low; did you mean 'high'?"),
                bad(
                        "negative share",
                        BASE.replace("{name: a, service: 1ms}", "{name: a, share: -5, service: 1ms}"),
                        "bad.yaml:6:22: error: events[0].share: must be more than 0, was -5"),
                bad(
                        "share missing beside percentages",
                        BASE + "  - {name: b, share: 40%, service: 1ms}\n",
                        "bad.yaml:6:5: error: missing key 'share' in events[0]; expected a percentage like 20%, as the"
                                + " other event types give percentages"),
                bad(
                        "share not a number",
                        BASE.replace("{name: a, service: 1ms}", "{name: a, share: most, service:" + " 1ms}"),
                        "bad.yaml:6:22: error: events[0].share: 'most' is not a number; expected a"
                                + " positive weight like 3, or a percentage like 20%"),
                bad(
                        "missing service",
                        BASE.replace("{name: a, service: 1ms}", "{name: a}"),
                        "bad.yaml:6:5: error:"
                                + " missing key 'service' in events[0]; expected a duration like 250ms, or a mapping with"
                                + " one of constant, uniform, exponential, lognormal, bimodal"),
                bad(
                        "lognormal p99 below median",
                        BASE.replace("service: 1ms", "service: {lognormal: {median: 2ms," + " p99: 1ms}}"),
                        "bad.yaml:6:55: error: events[0].service.lognormal.p99: must be at least"
                                + " the median (2ms), was 1ms"),
                bad(
                        "uniform max below min",
                        BASE.replace("service: 1ms", "service: {uniform: {min: 2ms, max:" + " 1ms}}"),
                        "bad.yaml:6:50: error: events[0].service.uniform.max: must be at least min"
                                + " (2ms), was 1ms"),
                bad(
                        "failure rate over 100%",
                        BASE.replace("service: 1ms}", "service: 1ms, failures: {rate: 150%}}"),
                        "bad.yaml:6:46: error: events[0].failures.rate: '150%' is more than 100%"),
                bad(
                        "window ends before it starts",
                        BASE.replace("service: 1ms}", "service: 1ms, failures: {windows:" + " [{from: 5s, to: 4s}]}}"),
                        "bad.yaml:6:65: error: events[0].failures.windows[0].to: must" + " be after from (5s), was 4s"),
                bad(
                        "unknown service kind",
                        BASE.replace("service: 1ms}", "service: 1ms, kind: disk}"),
                        "bad.yaml:6:35: error: events[0].kind: unknown value 'disk'; expected one of cpu, io"),
                bad(
                        "bad handler class",
                        BASE.replace("service: 1ms}", "service: 1ms, handler: com.example.1Bad}"),
                        "bad.yaml:6:38: error: events[0].handler: 'com.example.1Bad' is not a fully-qualified Java"
                                + " class name; expected one like com.example.PaymentHandler"),
                bad(
                        "misspelt idle strategy",
                        BASE + "engine: {idle: spinn}\n",
                        "bad.yaml:7:16: error: engine.idle:"
                                + " unknown value 'spinn'; expected one of spin, yield, park, backoff; did you mean 'spin'?"),
                bad(
                        "duplicate tier",
                        BASE + "engine: {tiers: [high, low, high]}\n",
                        "bad.yaml:7:29: error:" + " engine.tiers[2]: duplicate tier 'high'; the first is on line 7"),
                bad(
                        "misspelt capacity",
                        BASE + "strategies:\n  - name: s\n    sizing: {fixed: {capcity: 64}}\n",
                        "bad.yaml:9:22: error: unknown key 'capcity' in strategies[0].sizing.fixed; did you mean"
                                + " 'capacity'?"),
                bad(
                        "fixed and dynamic sizing",
                        BASE + "strategies:\n  - name: s\n    sizing: {fixed: {capacity: 1},"
                                + " dynamic: {min: 1, max: 2}}\n",
                        "bad.yaml:9:36: error: strategies[0].sizing: 'fixed' and"
                                + " 'dynamic' cannot both be given; choose one"),
                bad(
                        "dynamic max below min",
                        BASE + "strategies:\n  - name: s\n    sizing: {dynamic: {min: 64, max:" + " 8}}\n",
                        "bad.yaml:9:38: error: strategies[0].sizing.dynamic.max: must be at least min"
                                + " (64), was 8"),
                bad(
                        "zero capacity",
                        BASE + "strategies:\n  - name: s\n    sizing: {fixed: {capacity: 0}}\n",
                        "bad.yaml:9:32: error: strategies[0].sizing.fixed.capacity: must be at least 1, was 0"),
                bad(
                        "bad engine setting and bad strategy",
                        BASE + "engine: {batch: 0}\nstrategies:\n  - name: s\n    sizing: {fixed: {capacity: 0}}\n",
                        "bad.yaml:7:17: error: engine.batch: must be at least 1, was 0",
                        "bad.yaml:10:32: error: strategies[0].sizing.fixed.capacity: must be at least 1, was 0"),
                bad(
                        "duplicate strategy names",
                        BASE + "strategies:\n  - name: s\n  - name: s\n",
                        "bad.yaml:9:11:"
                                + " error: strategies[1].name: duplicate strategy name 's'; the first is on line 8"),
                bad(
                        "shed-lower-priority on one queue",
                        BASE + "strategies:\n  - name: s\n    topology: single\n"
                                + "    overflow: shed-lower-priority\n",
                        "bad.yaml:10:15: error: strategies[0].overflow:"
                                + " shed-lower-priority needs topology: tiered; a single queue has no lower tier to shed"),
                bad(
                        "block without timeout",
                        BASE + "strategies:\n  - name: s\n    overflow: block\n",
                        "bad.yaml:9:15: error: strategies[0].overflow: block needs block-timeout, how long a"
                                + " submitter may wait for room, like block-timeout: 10ms"),
                bad(
                        "block timeout without block",
                        BASE + "strategies:\n  - name: s\n    block-timeout: 5ms\n",
                        "bad.yaml:9:20: error: strategies[0].block-timeout: applies only to overflow: block, but"
                                + " overflow is reject"),
                bad(
                        "weighted without every weight",
                        BASE + "strategies:\n  - name: s\n    scheduling: weighted\n"
                                + "    weights: {critical: 8, high: 4, low: 1}\n",
                        "bad.yaml:10:14: error:"
                                + " strategies[0].weights: missing weight for tier 'normal'; every tier needs one"),
                bad(
                        "weight for an unknown tier",
                        BASE + "strategies:\n  - name: s\n    scheduling: weighted\n"
                                + "    weights: {critical: 8, high: 4, normal: 2, lo: 1}\n",
                        "bad.yaml:10:48: error:"
                                + " strategies[0].weights: unknown tier 'lo'; expected one of critical, high, normal, low;"
                                + " did you mean 'low'?"),
                bad(
                        "weights under strict scheduling",
                        BASE + "strategies:\n  - name: s\n    weights: {critical:"
                                + " 1, high: 1, normal: 1, low: 1}\n",
                        "bad.yaml:9:14: error: strategies[0].weights: apply"
                                + " only to scheduling: weighted, but scheduling is strict"),
                bad(
                        "unknown retry value",
                        BASE + "strategies:\n  - name: s\n    retry: sometimes\n",
                        "bad.yaml:9:12: error: strategies[0].retry: unknown value 'sometimes'; expected none, or a"
                                + " mapping with fixed or exponential (and max-attempts, deadline, budget,"
                                + " circuit-breaker)"),
                bad(
                        "retry without backoff",
                        BASE + "strategies:\n  - name: s\n    retry: {max-attempts: 3}\n",
                        "bad.yaml:9:12: error: strategies[0].retry: expected one of fixed, exponential, found"
                                + " none"),
                bad(
                        "cap below base",
                        BASE + "strategies:\n  - name: s\n    retry: {exponential: {base: 10ms, cap:" + " 1ms}}\n",
                        "bad.yaml:9:44: error: strategies[0].retry.exponential.cap: must be at least"
                                + " base (10ms), was 1ms"),
                bad(
                        "zero budget",
                        BASE + "strategies:\n  - name: s\n    retry: {fixed: {delay: 0ms}, budget: 0%}\n",
                        "bad.yaml:9:42: error: strategies[0].retry.budget: must be more than 0%; to stop retries"
                                + " write retry: none"),
                bad(
                        "per-type for an unknown type",
                        BASE + "strategies:\n  - name: s\n    per-type:\n      b:" + " {retry: none}\n",
                        "bad.yaml:10:7: error: strategies[0].per-type: unknown event type" + " 'b'; expected one of a"),
                bad(
                        "SLO with a bad unit",
                        BASE + "slo:\n  - p99 < 50xs\n",
                        "bad.yaml:8:11: error: slo[0]:"
                                + " invalid SLO 'p99 < 50xs': invalid value '50xs' at column 7; expected a duration like 50ms"
                                + " (us, ms, s)"),
                bad(
                        "quoted SLO with a bad metric",
                        BASE + "slo:\n  - \"p95 < 50ms\"\n",
                        "bad.yaml:8:6: error:"
                                + " slo[0]: invalid SLO 'p95 < 50ms': unknown metric 'p95' at column 1; expected one of p50,"
                                + " p90, p99, p99.9, max, throughput, loss, errors, retries, alloc_per_event, alloc_rate,"
                                + " gc_pause_max; did you mean 'p90'?"),
                bad(
                        "SLO for an unknown type",
                        BASE + "slo:\n  - p99 < 5ms type=b\n",
                        "bad.yaml:8:20: error:"
                                + " slo[0]: unknown event type 'b' in SLO 'p99 < 5ms type=b'; expected one of a"),
                bad(
                        "SLO for an unknown tier",
                        BASE + "slo:\n  - loss == 0 tier=hihg\n",
                        "bad.yaml:8:20: error:"
                                + " slo[0]: unknown tier 'hihg' in SLO 'loss == 0 tier=hihg'; expected one of critical,"
                                + " high, normal, low; did you mean 'high'?"));
    }

    private static Arguments bad(String what, String yaml, String... messages) {
        return Arguments.of(what, yaml, String.join("\n", messages));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void shouldGiveTheExactMessageWithLineAndColumn(String what, String yaml, String messages) {
        ParseResult result = ScenarioParser.parse("bad.yaml", yaml);
        assertThat(result.isValid()).as(what).isFalse();
        assertThat(String.join(
                        "\n", result.problems().stream().map(Problem::format).toList()))
                .isEqualTo(messages);
    }
}
