package io.veltrix.scenarios.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a bench's files into its output directory: {@code results.json} and one {@code <strategy>.hlog} per
 * strategy (the {@code .jfr} files are written by the run itself). Every file is written atomically ({@link
 * AtomicFiles}).
 */
public final class ResultsWriter {
    /** The name of the results file in an output directory. */
    public static final String RESULTS_FILE = "results.json";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private ResultsWriter() {}

    /**
     * The default output directory of a run: {@code <base>/<scenario>-<yyyyMMdd-HHmmss>}, with {@code -2},
     * {@code -3}... appended when that already exists.
     */
    public static Path defaultDirectory(Path base, String scenario, LocalDateTime now) {
        String name = scenario + "-" + STAMP.format(now);
        Path candidate = base.resolve(name);
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = base.resolve(name + "-" + i);
        }
        return candidate;
    }

    /**
     * @param directory the output directory; created if missing
     * @param hlogs each strategy's HdrHistogram log, by strategy name
     * @return the files written, results.json first
     */
    public static List<Path> write(Path directory, BenchResults results, Map<String, byte[]> hlogs) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        Path json = directory.resolve(RESULTS_FILE);
        written.add(json);
        for (StrategyResult strategy : results.strategies()) {
            byte[] hlog = hlogs.get(strategy.name());
            if (hlog != null && strategy.hlogFile() != null) {
                Path file = directory.resolve(strategy.hlogFile());
                AtomicFiles.write(file, hlog);
                written.add(file);
            }
        }
        // Last, so that a results.json on disk always has its .hlog files beside it.
        AtomicFiles.write(json, ResultsJson.toBytes(results));
        return written;
    }

    /**
     * Replaces {@code results.json} in {@code directory} with {@code results}, atomically: used after the run to add
     * what a later step computed (each strategy's {@code jfr} figures), so a reader sees the old file or the new one,
     * never a mix.
     */
    public static Path rewriteResults(Path directory, BenchResults results) throws IOException {
        Path json = directory.resolve(RESULTS_FILE);
        AtomicFiles.write(json, ResultsJson.toBytes(results));
        return json;
    }
}
