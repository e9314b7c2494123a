package io.veltrix.reports;

import io.veltrix.scenarios.results.ResultsWriter;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a run's {@code results.json} from what a user names on the command line: the file, or its directory. */
public final class ResultsLocation {
    private ResultsLocation() {}

    /**
     * The results file that {@code path} names.
     *
     * @param path a {@code results.json} file, or a run's directory holding one
     * @throws FileNotFoundException saying what was looked for, when there is no such file
     */
    public static Path resolve(Path path) throws FileNotFoundException {
        if (Files.isDirectory(path)) {
            Path json = path.resolve(ResultsWriter.RESULTS_FILE);
            if (!Files.isRegularFile(json)) {
                throw new FileNotFoundException(path + " has no " + ResultsWriter.RESULTS_FILE
                        + ": name a run's directory (as written by veltrix bench) or its results file");
            }
            return json;
        }
        if (!Files.isRegularFile(path)) {
            throw new FileNotFoundException(
                    path + ": no such file or directory; name a run's directory or its " + ResultsWriter.RESULTS_FILE);
        }
        return path;
    }
}
