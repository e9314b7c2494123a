package io.veltrix.scenarios.load;

import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.parse.ParseResult;
import io.veltrix.scenarios.parse.ScenarioParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many arrivals per second one thread can draw from a schedule: {@link ArrivalCursor#next()} plus reading
 * every field the runner reads. The schedules are far longer than a measurement, so the cursor never runs out.
 * Run with {@code -prof gc} to see that it allocates nothing per arrival.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ArrivalCursorThroughputBenchmark {

    /** The seed story's mix: Poisson arrivals, four types, lognormal, exponential and bimodal services. */
    private static final String MIXED = """
            load: {poisson: {rate: 1M/s}}
            events:
              - {name: payment, share: 10%, tier: critical, service: {lognormal: {median: 80us, p99: 600us}},
                 failures: {rate: 1%}}
              - {name: order, share: 25%, tier: high, service: {lognormal: {median: 60us, p99: 400us}}}
              - {name: notification, share: 25%, service: {exponential: {mean: 50us}}, kind: io}
              - name: analytics
                share: 40%
                tier: low
                service: {bimodal: {first: {uniform: {min: 20us, max: 80us}}, second: {exponential: {mean: 500us}},
                          second-probability: 5%}}
            """;

    /** The cheapest case: evenly spaced arrivals of one type with a constant service time. */
    private static final String CONSTANT = """
            load: {constant: {rate: 1M/s}}
            events:
              - {name: a, service: 100us}
            """;

    /** Spikes (many segments) with an outage window and Poisson arrivals. */
    private static final String SPIKE = """
            load: {spike: {base: 200k/s, peak: 2M/s, every: 1s, duration: 100ms, poisson: true}}
            events:
              - {name: checkout, share: 70%, service: {lognormal: {median: 300us, p99: 2ms}},
                 failures: {rate: 0.5%, windows: [{from: 10s, to: 14s, rate: 100%}]}}
              - {name: inventory, share: 30%, service: {exponential: {mean: 200us}}}
            """;

    @Param({"mixed", "constant", "spike"})
    public String workload;

    private Schedule schedule;
    private ArrivalCursor cursor;

    @Setup(Level.Trial)
    public void setUp() {
        String load = workload.equals("mixed") ? MIXED : workload.equals("constant") ? CONSTANT : SPIKE;
        ParseResult result = ScenarioParser.parse("benchmark.yaml", "name: bench\nseed: 42\nduration: 1000h\n" + load);
        if (!result.isValid()) {
            throw new IllegalStateException(result.formattedProblems());
        }
        Scenario scenario = result.scenario().orElseThrow();
        schedule = Schedule.of(scenario);
        cursor = schedule.arrivals();
    }

    @Benchmark
    public long nextArrival() {
        if (!cursor.next()) {
            cursor = schedule.arrivals();
            cursor.next();
        }
        return cursor.intendedNanos()
                + cursor.serviceNanos()
                + cursor.type()
                + cursor.failure().ordinal()
                + cursor.sequence();
    }
}
