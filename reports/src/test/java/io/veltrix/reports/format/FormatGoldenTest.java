package io.veltrix.reports.format;

import io.veltrix.reports.Golden;
import io.veltrix.reports.GoldenReport;
import org.junit.jupiter.api.Test;

/** Every text format of the fixed report of {@link GoldenReport}, against its golden file. */
class FormatGoldenTest {
    private final RunReport report = GoldenReport.build();

    @Test
    void shouldWriteTheMarkdownOfTheGoldenFile() throws Exception {
        Golden.assertMatches("report.md", new MarkdownResultFormat().render(report));
    }

    @Test
    void shouldWriteTheJUnitXmlOfTheGoldenFile() throws Exception {
        Golden.assertMatches("junit.xml", new JUnitResultFormat().render(report));
    }

    @Test
    void shouldWriteTheBenchmarkJsonOfTheGoldenFiles() throws Exception {
        BenchmarkResultFormat format = new BenchmarkResultFormat();
        Golden.assertMatches("benchmark-bigger-is-better.json", format.biggerIsBetter(report));
        Golden.assertMatches("benchmark-smaller-is-better.json", format.smallerIsBetter(report));
    }
}
