package io.veltrix.reports.jfr.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.veltrix.reports.jfr.JfrAnalysis;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportFormatTest {

    @TempDir
    static Path dir;

    static String raw;
    static JsonNode json;

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @BeforeAll
    static void write() throws Exception {
        JfrAnalysis analysis = FixedSectionAnalysis.create(dir);
        StringWriter out = new StringWriter();
        new JsonReportFormat().write(analysis, out);
        raw = out.toString();
        json = MAPPER.readTree(raw);
    }

    @Test
    void shouldWriteASectionAsOneObjectWithRoundedNumbersTablesReasonsEstimateAndNotes() throws Exception {
        JsonNode expected = MAPPER.readTree("""
                {
                  "quote": "he said \\"hi\\" \\\\ back\\nslash\\ttab \u00e9 \u2603 \\u0001",
                  "events": 1234567,
                  "heapBytes": 1610612736,
                  "pauseMs": 12.345678,
                  "sharePercent": 33.33,
                  "rateBytesPerSecond": 1235,
                  "at": "2024-01-02T03:04:05.123Z",
                  "flag": true,
                  "absent": null,
                  "rows": [
                    {"name": "a;b", "bytes": 2048, "ms": 1.5},
                    {"name": "x", "bytes": null, "ms": 0.0004}
                  ],
                  "unavailable": {"absent": "jdk.Foo was disabled"},
                  "estimate": "how it was estimated",
                  "notes": ["a note"]
                }
                """);
        assertThat(json.get("fixed")).isEqualTo(expected);
    }

    @Test
    void shouldEscapeQuotesBackslashesAndControlCharactersAndKeepUnicode() {
        assertThat(json.get("fixed").get("quote").asText()).isEqualTo(FixedSectionAnalysis.TRICKY);
        assertThat(raw)
                .contains("\"quote\" : \"he said \\\"hi\\\" \\\\ back\\nslash\\ttab \u00e9 \u2603 \\u0001\"")
                .doesNotContain("\u0001");
    }

    @Test
    void shouldPutFormatFieldsFirstAndSectionsInReportOrder() {
        assertThat(raw).startsWith("{\n  \"format\" : \"veltrix-jfr\",\n  \"formatVersion\" : 1,");
        assertThat(json.get("partial").asBoolean()).isFalse();
        assertThat(json.get("recording").get("eventsRead").asLong()).isPositive();
        assertThat(json.get("settings")
                        .get("eventTypes")
                        .get(0)
                        .get("eventType")
                        .asText())
                .isEqualTo("jdk.ActiveSetting");
        assertThat(raw.indexOf("\"recording\"")).isLessThan(raw.indexOf("\"settings\""));
        assertThat(raw.indexOf("\"settings\"")).isLessThan(raw.indexOf("\"fixed\""));
        assertThat(raw).endsWith("}" + System.lineSeparator());
    }
}
