package io.veltrix.reports.merge;

import io.veltrix.reports.slo.IntervalHistograms;
import io.veltrix.scenarios.results.HlogTags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * One strategy's latencies other than end-to-end (uncorrected, queueing delay, service time, each per event type,
 * and the generator's lag), added over the runs whose {@code .hlog} keeps them. Runs whose log was written before
 * these were kept are only known by their summaries in results.json: the merge bounds those kinds, and says which
 * runs lacked them.
 */
final class OtherKinds {
    private final boolean[] keepsKinds;
    private final boolean[] keepsLag;
    private final Map<HlogTags.Kind, Map<String, Histogram>> byType = new EnumMap<>(HlogTags.Kind.class);
    private final Histogram lag = new Histogram(3);

    private OtherKinds(int runs) {
        keepsKinds = new boolean[runs];
        keepsLag = new boolean[runs];
        for (HlogTags.Kind kind : HlogTags.Kind.values()) {
            byType.put(kind, new LinkedHashMap<>());
        }
    }

    /** Adds strategy {@code strategy}'s histograms of every run whose log keeps them. */
    static OtherKinds add(String strategy, List<MergeInput> inputs) {
        OtherKinds kinds = new OtherKinds(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            MergeInput in = inputs.get(i);
            kinds.keepsKinds[i] = in.keepsKinds(strategy);
            kinds.keepsLag[i] = in.keepsLag(strategy);
            for (IntervalHistograms.Interval interval : in.hlogs().get(strategy).intervals()) {
                if (kinds.keepsKinds[i]) {
                    interval.kinds()
                            .forEach((kind, types) -> types.forEach((type, h) -> kinds.byType
                                    .get(kind)
                                    .computeIfAbsent(type, t -> new Histogram(3))
                                    .add(h)));
                }
                if (kinds.keepsLag[i] && interval.lag() != null) {
                    kinds.lag.add(interval.lag());
                }
            }
        }
        return kinds;
    }

    /** Whether run {@code run}'s log keeps the other kinds (or it recorded none). */
    boolean keepsKinds(int run) {
        return keepsKinds[run];
    }

    /** Whether run {@code run}'s log keeps the generator's lag (or it has none). */
    boolean keepsLag(int run) {
        return keepsLag[run];
    }

    boolean allKeepKinds() {
        return allTrue(keepsKinds);
    }

    boolean allKeepLag() {
        return allTrue(keepsLag);
    }

    /** The sum of kind {@code kind} over event types {@code types}, of the runs that keep it. */
    Histogram sum(HlogTags.Kind kind, Collection<String> types) {
        Histogram sum = new Histogram(3);
        for (String type : types) {
            Histogram h = byType.get(kind).get(type);
            if (h != null) {
                sum.add(h);
            }
        }
        return sum;
    }

    /** The generator's lag of the runs that keep it. */
    Histogram lag() {
        return lag;
    }

    /** The merged strategy's first warning: what is exact, and which runs' logs made what bounded. */
    String summary(List<MergeInput> inputs) {
        String runs = String.format(
                Locale.ROOT,
                "merged from %d runs (%s)",
                inputs.size(),
                inputs.stream().map(MergeInput::host).collect(Collectors.joining(", ")));
        if (allKeepKinds() && allKeepLag()) {
            return runs + ": counts and every latency (end-to-end, uncorrected, queue delay, service, generator lag)"
                    + " are exact: the runs' .hlog histograms added";
        }
        String bounded = !allKeepKinds() && !allKeepLag()
                ? "uncorrected, queue-delay, service and generator-lag"
                : !allKeepKinds() ? "uncorrected, queue-delay and service" : "generator-lag";
        List<String> lacking = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (!keepsKinds[i] || !keepsLag[i]) {
                lacking.add(inputs.get(i).label());
            }
        }
        return runs + ": counts and end-to-end latencies are exact sums; " + String.join(" and ", bounded)
                + " percentiles are an upper bound (the largest of the runs') because the .hlog of "
                + String.join(", ", lacking) + " holds only end-to-end latency (written before veltrix kept every"
                + " latency kind)"
                + (lacking.size() < inputs.size() ? "; the other runs' histograms of them are added" : "");
    }

    private static boolean allTrue(boolean[] values) {
        for (boolean v : values) {
            if (!v) {
                return false;
            }
        }
        return true;
    }
}
