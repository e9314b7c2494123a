package io.veltrix.reports.format;

import java.util.Optional;

/** Makes the writer of each {@link ResultFormatType}. */
public final class ResultFormatFactory {
    private ResultFormatFactory() {}

    /**
     * The writer of {@code type}, or empty when this build has none: HTML, until the HTML report (package {@code
     * io.veltrix.reports.html}) implements {@link ResultFormat} and is made here.
     */
    public static Optional<ResultFormat> create(ResultFormatType type) {
        switch (type) {
            case JSON:
                return Optional.of(new JsonResultFormat());
            case MARKDOWN:
                return Optional.of(new MarkdownResultFormat());
            case JUNIT:
                return Optional.of(new JUnitResultFormat());
            case BENCHMARK:
                return Optional.of(new BenchmarkResultFormat());
            default:
                return Optional.empty();
        }
    }
}
