package io.veltrix.engine.jmh;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Compares hand-offs by ratios measured side by side: each round runs one JVM fork of every {@code impl} in turn
 * (the order rotates from round to round), and each engine variant's score is divided by the baseline's and the
 * reference's scores of the same round. On a small virtual machine a hand-off's speed depends on where the host
 * runs the two vCPUs at the time, which changes over minutes, so two forks minutes apart can differ threefold
 * while forks seconds apart mostly share conditions. The median of the per-round ratios, with their range, is the
 * figure to quote; the pooled scores of a plain JMH run mix the conditions of several minutes.
 *
 * <pre>
 * java -cp engine/target/benchmarks.jar io.veltrix.engine.jmh.Rounds [--benchmark OneToOneHandOff|TwoToTwoHandOff]
 *     [--impls engine-tiered-sampled-sp,engine-single-sampled-sp,tpe-abq,disruptor-sleeping] [--rounds 8]
 *     [--baseline tpe-abq] [--reference disruptor-sleeping] [--warmup 3] [--iterations 4] [--payload object|long]
 *     [--out rounds.tsv]
 * </pre>
 *
 * Each fork: {@code --warmup} iterations of 1 s, then {@code --iterations} of 1 s; its score is the mean of the
 * {@code handled} secondary score. {@code --payload} is the benchmarks' {@code payload} parameter for every
 * {@code impl}; an entry {@code impl@payload} (e.g. {@code disruptor-sleeping@long}) sets it for that entry alone, so
 * that one round can hold both payloads of one hand-off. With {@code --out} every fork's score is appended as tab-separated values as soon as
 * it is measured.
 */
public final class Rounds {
    private Rounds() {}

    public static void main(String[] args) throws RunnerException, IOException {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("benchmark", "OneToOneHandOff");
        o.put("impls", "engine-tiered-sampled-sp,engine-single-sampled-sp,tpe-abq,disruptor-sleeping");
        o.put("rounds", "8");
        o.put("baseline", "tpe-abq");
        o.put("reference", "disruptor-sleeping");
        o.put("warmup", "3");
        o.put("iterations", "4");
        o.put("payload", "object");
        o.put("out", "");
        for (int i = 0; i < args.length; i++) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!o.containsKey(key) || i + 1 == args.length) {
                System.err.println(
                        "usage: Rounds [--" + String.join(" V] [--", o.keySet()) + " V]; got '" + args[i] + "'");
                System.exit(2);
            }
            o.put(key, args[++i]);
        }
        List<String> impls = List.of(o.get("impls").split(","));
        int rounds = Integer.parseInt(o.get("rounds"));
        String baseline = o.get("baseline");
        String reference = o.get("reference");
        if (!impls.contains(baseline) || !impls.contains(reference)) {
            System.err.println(
                    "--impls must include the baseline '" + baseline + "' and the reference '" + reference + "'");
            System.exit(2);
        }
        double[][] score = new double[rounds][impls.size()];
        // Every fork's score is appended as soon as it is measured, so an interrupted run keeps what it measured.
        Path tsv = o.get("out").isEmpty() ? null : Path.of(o.get("out"));
        if (tsv != null) {
            Files.writeString(tsv, "round\tstarted\timpl\tpayload\tops_per_s\n", StandardCharsets.UTF_8);
        }
        PrintStream out = System.out;
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < impls.size(); k++) {
                int at = (k + r) % impls.size();
                String impl = impls.get(at);
                String started =
                        java.time.LocalTime.now().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"));
                String name = impl.contains("@") ? impl.substring(0, impl.indexOf('@')) : impl;
                String payload = impl.contains("@") ? impl.substring(impl.indexOf('@') + 1) : o.get("payload");
                score[r][at] = run(o.get("benchmark"), name, payload, o);
                out.printf(Locale.ROOT, "round %d  %s  %-34s %8.2f M/s%n", r + 1, started, impl, score[r][at] / 1e6);
                if (tsv != null) {
                    String line = String.format(
                            Locale.ROOT, "%d\t%s\t%s\t%s\t%.0f%n", r + 1, started, name, payload, score[r][at]);
                    Files.writeString(tsv, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                }
            }
        }
        out.println();
        out.printf(Locale.ROOT, "%-34s %10s %24s %24s%n", "impl", "median M/s", "/ " + baseline, "/ " + reference);
        int b = impls.indexOf(baseline);
        int f = impls.indexOf(reference);
        for (int k = 0; k < impls.size(); k++) {
            double[] own = new double[rounds];
            double[] toBase = new double[rounds];
            double[] toRef = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                own[r] = score[r][k];
                toBase[r] = score[r][k] / score[r][b];
                toRef[r] = score[r][k] / score[r][f];
            }
            out.printf(
                    Locale.ROOT,
                    "%-34s %10.2f %24s %24s%n",
                    impls.get(k),
                    median(own) / 1e6,
                    summary(toBase),
                    summary(toRef));
        }
        out.println("(ratios: median [min .. max] of the per-round ratios, " + rounds + " rounds)");
    }

    private static String summary(double[] ratios) {
        return String.format(
                Locale.ROOT,
                "%.2f [%.2f .. %.2f]",
                median(ratios),
                Arrays.stream(ratios).min().orElseThrow(),
                Arrays.stream(ratios).max().orElseThrow());
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double run(String benchmark, String impl, String payload, Map<String, String> o)
            throws RunnerException {
        Options options = new OptionsBuilder()
                .include("\\." + benchmark + "Benchmark\\.handOff$")
                .param("impl", impl)
                .param("payload", payload)
                .forks(1)
                .warmupIterations(Integer.parseInt(o.get("warmup")))
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(Integer.parseInt(o.get("iterations")))
                .measurementTime(TimeValue.seconds(1))
                .verbosity(VerboseMode.SILENT)
                .build();
        List<RunResult> results = new ArrayList<>(new Runner(options).run());
        if (results.size() != 1) {
            throw new IllegalStateException(
                    "expected one result for " + benchmark + " " + impl + ", got " + results.size());
        }
        Result<?> handled = results.get(0).getSecondaryResults().get("handled");
        return handled.getScore();
    }
}
