package io.veltrix.reports.merge;

import io.veltrix.scenarios.results.JfrFigures;
import io.veltrix.scenarios.results.StrategyResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Combines the Flight Recorder figures ({@code strategies[].jfr}) of one strategy's runs on several machines. Each
 * machine's JVM is its own: bytes, collections, pause time and samples add up; the pause maximum is the largest;
 * rates and CPU shares are per JVM (allocation rate weighted by each recording's length, CPU the mean of the
 * machines'), so that an SLO written for one JVM reads the same on a merged run. Bytes per event divide all the
 * machines' allocation by all their completed events.
 *
 * <p>Allocation sites and hot methods are each run's top {@value io.veltrix.reports.format.RecordingFigures#TOP}
 * only, added by name: a site outside a run's top list is missing from that run's share, so the merged ranking is
 * an estimate of an estimate, and says so.
 */
final class JfrMerge {
    private JfrMerge() {}

    /**
     * @param runs the strategy's result in each run, in input order
     * @param hosts a label for each run, for the warnings
     * @param completed the merged count of measured completed events
     * @param warnings where to say why figures were left out
     * @return the merged figures, or null when not every run has usable figures
     */
    static JfrFigures merge(List<StrategyResult> runs, List<String> hosts, long completed, List<String> warnings) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            JfrFigures f = runs.get(i).jfr();
            if (f == null) {
                missing.add(hosts.get(i) + " has none");
            } else if (f.problem() != null) {
                missing.add(hosts.get(i) + "'s recording could not be analysed (" + f.problem() + ")");
            }
        }
        if (!missing.isEmpty()) {
            if (missing.size() < runs.size()) {
                warnings.add("JFR figures left out of the merge: " + String.join("; ", missing)
                        + ". Figures of some machines only would misstate the whole");
            }
            return null;
        }
        List<JfrFigures> all = runs.stream().map(StrategyResult::jfr).toList();
        Map<String, String> unavailable = new TreeMap<>();
        all.forEach(f -> unavailable.putAll(f.unavailable()));

        Long bytes = sumLong(all, JfrFigures::allocatedBytes);
        Double rate = null;
        if (bytes != null) {
            // Per JVM: all the bytes over all the recorded seconds (each recording's seconds = its bytes / rate).
            double seconds = 0;
            boolean known = true;
            for (JfrFigures f : all) {
                Double r = f.allocationBytesPerSecond();
                if (r == null) {
                    known = false;
                } else if (r > 0) {
                    seconds += f.allocatedBytes() / r;
                }
            }
            rate = !known ? null : seconds > 0 ? bytes / seconds : 0.0;
        }
        Double perEvent = bytes == null || completed == 0 ? null : (double) bytes / completed;
        Long executionSamples = sumLong(all, JfrFigures::executionSamples);

        Map<String, String> estimates = new LinkedHashMap<>();
        for (JfrFigures f : all) {
            f.estimates()
                    .forEach((figure, how) -> estimates.putIfAbsent(
                            figure, how + " Merged: the sum of " + all.size() + " machines' estimates."));
        }
        String topNote = "Each machine's top " + io.veltrix.reports.format.RecordingFigures.TOP
                + " only, added by name: a site or method outside one machine's top list is missing from its share.";
        estimates.merge("topAllocationSites", topNote, (a, b) -> a + " " + b);
        estimates.merge("hotMethods", topNote, (a, b) -> a + " " + b);

        return new JfrFigures(
                null,
                estimates,
                bytes,
                rate,
                perEvent,
                sumLong(all, JfrFigures::excludedFirstSampleBytes),
                sumLong(all, JfrFigures::gcCollections),
                sumLong(all, JfrFigures::gcPauseTotalNanos),
                maxLong(all, JfrFigures::gcPauseMaxNanos),
                mean(all, JfrFigures::cpuJvmMeanPercent),
                max(all, JfrFigures::cpuJvmMaxPercent),
                mean(all, JfrFigures::cpuMachineMeanPercent),
                sites(all, bytes),
                executionSamples,
                methods(all, executionSamples),
                unavailable);
    }

    private static List<JfrFigures.Site> sites(List<JfrFigures> all, Long total) {
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (JfrFigures f : all) {
            f.topAllocationSites().forEach(s -> bytes.merge(s.site(), s.bytes(), Long::sum));
        }
        List<JfrFigures.Site> sites = new ArrayList<>();
        top(bytes).forEach(e -> sites.add(new JfrFigures.Site(e.getKey(), e.getValue(), percent(e.getValue(), total))));
        return sites;
    }

    private static List<JfrFigures.HotMethod> methods(List<JfrFigures> all, Long total) {
        Map<String, Long> samples = new LinkedHashMap<>();
        for (JfrFigures f : all) {
            f.hotMethods().forEach(m -> samples.merge(m.method(), m.samples(), Long::sum));
        }
        List<JfrFigures.HotMethod> methods = new ArrayList<>();
        top(samples)
                .forEach(e ->
                        methods.add(new JfrFigures.HotMethod(e.getKey(), e.getValue(), percent(e.getValue(), total))));
        return methods;
    }

    /** The heaviest entries, heaviest first (ties by name, so the order does not depend on the inputs' order). */
    private static List<Map.Entry<String, Long>> top(Map<String, Long> weights) {
        return weights.entrySet().stream()
                .sorted(Comparator.comparing(Map.Entry<String, Long>::getValue)
                        .reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(io.veltrix.reports.format.RecordingFigures.TOP)
                .toList();
    }

    private static double percent(long part, Long whole) {
        return whole == null || whole == 0 ? 0 : Math.round(10_000.0 * part / whole) / 100.0;
    }

    private static Long sumLong(List<JfrFigures> all, java.util.function.Function<JfrFigures, Long> figure) {
        long sum = 0;
        for (JfrFigures f : all) {
            Long v = figure.apply(f);
            if (v == null) {
                return null;
            }
            sum += v;
        }
        return sum;
    }

    private static Long maxLong(List<JfrFigures> all, java.util.function.Function<JfrFigures, Long> figure) {
        Long max = null;
        for (JfrFigures f : all) {
            Long v = figure.apply(f);
            if (v == null) {
                return null;
            }
            max = max == null ? v : Math.max(max, v);
        }
        return max;
    }

    private static Double mean(List<JfrFigures> all, java.util.function.Function<JfrFigures, Double> figure) {
        double sum = 0;
        for (JfrFigures f : all) {
            Double v = figure.apply(f);
            if (v == null) {
                return null;
            }
            sum += v;
        }
        return all.isEmpty() ? null : Math.round(100.0 * sum / all.size()) / 100.0;
    }

    private static Double max(List<JfrFigures> all, java.util.function.Function<JfrFigures, Double> figure) {
        Double max = null;
        for (JfrFigures f : all) {
            Double v = figure.apply(f);
            if (v == null) {
                return null;
            }
            max = max == null ? v : Math.max(max, v);
        }
        return max;
    }
}
