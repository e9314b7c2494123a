package io.veltrix.reports.merge;

import io.veltrix.reports.compare.BadResultsException;
import io.veltrix.reports.compare.LoadedResults;
import io.veltrix.reports.slo.IntervalHistograms;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.HlogTags;
import io.veltrix.scenarios.results.StrategyResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One run to merge: its {@code results.json} and, for each strategy, the interval histograms of its {@code .hlog},
 * which hold its end-to-end latencies at full resolution and its start on the wall clock.
 *
 * @param file the results file
 * @param results its content
 * @param hlogs each strategy's interval histograms, by strategy name
 */
public record MergeInput(Path file, BenchResults results, Map<String, IntervalHistograms> hlogs) {

    /**
     * Loads a run's directory or results file and every strategy's {@code .hlog} beside it.
     *
     * @throws MergeException naming the file and what is wrong with it
     */
    public static MergeInput load(Path path) throws MergeException {
        LoadedResults loaded;
        try {
            loaded = LoadedResults.load(path);
        } catch (BadResultsException e) {
            throw new MergeException(e.getMessage(), e);
        }
        Path directory = loaded.file().toAbsolutePath().getParent();
        Map<String, IntervalHistograms> hlogs = new LinkedHashMap<>();
        for (StrategyResult s : loaded.results().strategies()) {
            if (s.hlogFile() == null) {
                throw new MergeException(loaded.file() + ": strategy '" + s.name() + "' names no .hlog file; merge"
                        + " adds the latency histograms of each strategy's HdrHistogram log and cannot do without it");
            }
            Path hlog = directory.resolve(s.hlogFile());
            IntervalHistograms intervals;
            try {
                intervals = IntervalHistograms.read(Files.readAllBytes(hlog));
            } catch (NoSuchFileException e) {
                throw new MergeException(hlog + ": no such file (strategy '" + s.name() + "' of " + loaded.file()
                        + "); merge adds the latency histograms of each strategy's .hlog and cannot do without it");
            } catch (IOException e) {
                throw new MergeException(hlog + ": cannot be read as an HdrHistogram log: " + e.getMessage(), e);
            }
            long logged = 0;
            for (IntervalHistograms.Interval interval : intervals.intervals()) {
                logged += interval.total().getTotalCount();
            }
            if (logged != s.measured().completed()) {
                throw new MergeException(hlog + ": holds " + logged + " latencies but " + loaded.file() + " counts "
                        + s.measured().completed() + " measured completions of strategy '" + s.name()
                        + "'; the log is incomplete or belongs to another run");
            }
            checkKinds(hlog, loaded.file(), s, intervals);
            hlogs.put(s.name(), intervals);
        }
        return new MergeInput(loaded.file(), loaded.results(), hlogs);
    }

    /**
     * A log that keeps the other latency kinds must hold as many of each as results.json counts, like the end-to-end
     * latencies; a log without them (written before they were kept) is taken as it is, and merged bounded.
     */
    private static void checkKinds(Path hlog, Path file, StrategyResult s, IntervalHistograms intervals)
            throws MergeException {
        if (intervals.hasKinds()) {
            for (HlogTags.Kind kind : HlogTags.Kind.values()) {
                long logged = 0;
                for (IntervalHistograms.Interval interval : intervals.intervals()) {
                    for (Histogram h :
                            interval.kinds().getOrDefault(kind, Map.of()).values()) {
                        logged += h.getTotalCount();
                    }
                }
                long counted =
                        s.latency() == null ? 0 : kind.summaryIn(s.latency()).count();
                if (logged != counted) {
                    throw new MergeException(hlog + ": holds " + logged + " " + kind.tagName() + " latencies but "
                            + file + " counts " + counted + " for strategy '" + s.name()
                            + "'; the log is incomplete or belongs to another run");
                }
            }
        }
        if (intervals.hasLag() && s.generator() != null && s.generator().lag() != null) {
            long logged = 0;
            for (IntervalHistograms.Interval interval : intervals.intervals()) {
                logged += interval.lag() == null ? 0 : interval.lag().getTotalCount();
            }
            if (logged != s.generator().lag().count()) {
                throw new MergeException(hlog + ": holds " + logged + " generator lags but " + file + " counts "
                        + s.generator().lag().count() + " for strategy '" + s.name()
                        + "'; the log is incomplete or belongs to another run");
            }
        }
    }

    /**
     * Whether strategy {@code strategy}'s log keeps its other latency kinds, or has none to keep (nothing recorded):
     * either way its histograms add exactly.
     */
    boolean keepsKinds(String strategy) {
        IntervalHistograms log = hlogs.get(strategy);
        StrategyResult s = results.strategy(strategy);
        if (log.hasKinds()) {
            return true;
        }
        for (HlogTags.Kind kind : HlogTags.Kind.values()) {
            if (s.latency() != null && kind.summaryIn(s.latency()).count() > 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether strategy {@code strategy}'s log keeps the generator's lag, or there is none to keep. */
    boolean keepsLag(String strategy) {
        StrategyResult s = results.strategy(strategy);
        return hlogs.get(strategy).hasLag()
                || s.generator() == null
                || s.generator().lag() == null
                || s.generator().lag().count() == 0;
    }

    /** The host the run was on, or {@code ?}. */
    String host() {
        String host =
                results.environment() == null ? null : results.environment().hostname();
        return host == null ? "?" : host;
    }

    /** How the run is named in messages and warnings: its host and its file. */
    String label() {
        return host() + " (" + file + ")";
    }
}
