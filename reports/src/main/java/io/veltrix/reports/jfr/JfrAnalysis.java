package io.veltrix.reports.jfr;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The result of analysing a recording: one {@link ReportSection} per aggregator, after the {@code recording} and
 * {@code settings} sections, plus what was read of each file.
 */
public final class JfrAnalysis {

    private final List<FileReport> files;
    private final AnalysisContext context;
    private final List<ReportSection> sections;

    JfrAnalysis(List<FileReport> files, AnalysisContext context, List<ReportSection> sections) {
        this.files = List.copyOf(files);
        this.context = context;
        this.sections = List.copyOf(sections);
    }

    /** What was read of each input file, in the order given. */
    public List<FileReport> files() {
        return files;
    }

    /** Whether some file could be read only in part: the figures then cover only what was read. */
    public boolean partial() {
        return context.partial();
    }

    /** One sentence per file not read completely, starting with its path. */
    public List<String> problems() {
        return files.stream()
                .filter(f -> !f.complete())
                .map(f -> f.file() + ": " + f.problem() + "; analysed its first " + f.chunks() + " chunks ("
                        + f.readBytes() + " of " + f.bytes() + " bytes), so the results are partial")
                .collect(Collectors.toList());
    }

    /** The time window, settings and options of the analysis. */
    public AnalysisContext context() {
        return context;
    }

    /** All sections in report order. */
    public List<ReportSection> sections() {
        return sections;
    }

    /** The section of the given type, if an aggregator produced one. */
    public <T extends ReportSection> Optional<T> section(Class<T> type) {
        return sections.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /**
     * Writes collapsed stacks of the execution samples (folded format, see {@link ExecutionProfile#writeCollapsed})
     * to {@code file}, replacing it; an analysis without execution samples writes an empty file.
     *
     * @return the number of lines written
     * @throws IOException if the file can't be written
     */
    public int writeCollapsedStacks(Path file) throws IOException {
        Path temp = Files.createTempFile(
                file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            int lines;
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                lines = section(ExecutionProfile.class)
                        .map(p -> p.writeCollapsed(out))
                        .orElse(0);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            return lines;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
