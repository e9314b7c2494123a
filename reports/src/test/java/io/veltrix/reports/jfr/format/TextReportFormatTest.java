package io.veltrix.reports.jfr.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.veltrix.reports.jfr.JfrAnalysis;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextReportFormatTest {

    @TempDir
    Path dir;

    @Test
    void shouldPrintLabelsValuesTablesEstimateAndNotesOfASection() throws Exception {
        JfrAnalysis analysis = FixedSectionAnalysis.create(dir);
        StringWriter out = new StringWriter();
        new TextReportFormat().write(analysis, out);
        String text = out.toString().replace(System.lineSeparator(), "\n");
        String section = text.substring(text.indexOf("== Fixed \"section\""));
        assertThat(section).isEqualTo("""
                        == Fixed "section"
                          tricky text                                he said "hi" \\ back slash tab \u00e9 \u2603 \\u0001
                          events                                     1234567
                          heap                                       1.50 GiB
                          pause                                      12.346 ms
                          share                                      33.3 %
                          rate                                       1.21 KiB/s
                          at                                         2024-01-02T03:04:05.123Z
                          flag                                       yes
                          absent                                     n/a: jdk.Foo was disabled
                          some rows:
                            name     bytes       time
                            a;b   2.00 KiB   1.500 ms
                            x            -  0.0004 ms
                          estimate: how it was estimated
                          note: a note
                        """);
    }

    @Test
    void shouldAnnounceFormatsByName() {
        assertThat(JfrReportFormatType.named("json").create()).isInstanceOf(JsonReportFormat.class);
        assertThat(JfrReportFormatType.named("TEXT").create()).isInstanceOf(TextReportFormat.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JfrReportFormatType.named("xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no report format 'xml'; known: text, json");
    }
}
