package io.veltrix.reports.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes a report in each of the formats asked for, into a bench's output directory. */
public final class ReportFiles {
    private ReportFiles() {}

    /**
     * What was written.
     *
     * @param files the files written, in the order of the formats
     * @param unavailable the formats asked for that this build cannot write (HTML until its writer is merged)
     */
    public record Written(List<Path> files, List<ResultFormatType> unavailable) {}

    /**
     * Writes {@code report} in every format of {@code types}, in order.
     *
     * @throws IOException when a file cannot be written (those before it stay written)
     */
    public static Written write(RunReport report, List<ResultFormatType> types, Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        List<ResultFormatType> unavailable = new ArrayList<>();
        for (ResultFormatType type : types) {
            Optional<ResultFormat> format = ResultFormatFactory.create(type);
            if (format.isPresent()) {
                files.addAll(format.get().write(report, directory));
            } else {
                unavailable.add(type);
            }
        }
        return new Written(files, unavailable);
    }
}
