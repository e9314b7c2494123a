package io.veltrix.reports.jfr.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.veltrix.reports.jfr.Column;
import io.veltrix.reports.jfr.JfrAnalysis;
import io.veltrix.reports.jfr.ReportSection;
import io.veltrix.reports.jfr.SectionWriter;
import io.veltrix.reports.jfr.Unit;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON report: {@code {"format": "veltrix-jfr", "formatVersion": 1, "partial": ..., "problems": [...], <section
 * key>: {...}, ...}}. Each section object holds its figures under the keys its section writes, tables as arrays of
 * row objects, an {@code unavailable} object mapping each missing figure's key to the reason, an {@code estimate}
 * text when its figures are estimates, and {@code notes}. Documented field by field in docs/jfr.md.
 */
public final class JsonReportFormat implements JfrReportFormat {

    /** Bumped only when a field is removed or changes meaning; new fields may appear in any version. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public void write(JfrAnalysis analysis, Writer out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", "veltrix-jfr");
            json.writeNumberField("formatVersion", FORMAT_VERSION);
            json.writeBooleanField("partial", analysis.partial());
            json.writeArrayFieldStart("problems");
            for (String problem : analysis.problems()) {
                json.writeString(problem);
            }
            json.writeEndArray();
            for (ReportSection section : analysis.sections()) {
                json.writeObjectFieldStart(section.key());
                SectionJson writer = new SectionJson(json);
                try {
                    section.writeTo(writer);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                writer.close();
                json.writeEndObject();
            }
            json.writeEndObject();
            json.flush();
        }
        out.write(System.lineSeparator());
        out.flush();
        if (out instanceof PrintWriter printer && printer.checkError()) {
            throw new IOException("could not write the report");
        }
    }

    /** Writes one section's fields as they come; notes and estimates go at the end of the object. */
    private static final class SectionJson implements SectionWriter {
        private final JsonGenerator json;
        private final Map<String, String> unavailable = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();
        private final List<String> estimates = new ArrayList<>();

        SectionJson(JsonGenerator json) {
            this.json = json;
        }

        @Override
        public void value(String key, String label, Object value, Unit unit) {
            try {
                json.writeFieldName(key);
                writeValue(value, unit);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void missing(String key, String label, String reason) {
            try {
                json.writeNullField(key);
                unavailable.put(key, reason);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void table(String key, String title, List<Column> columns, List<List<Object>> rows) {
            try {
                json.writeArrayFieldStart(key);
                for (List<Object> row : rows) {
                    json.writeStartObject();
                    for (int i = 0; i < columns.size(); i++) {
                        json.writeFieldName(columns.get(i).key());
                        writeValue(
                                i < row.size() ? row.get(i) : null,
                                columns.get(i).unit());
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void note(String text) {
            notes.add(text);
        }

        @Override
        public void estimate(String how) {
            estimates.add(how);
        }

        void close() throws IOException {
            if (!unavailable.isEmpty()) {
                json.writeObjectFieldStart("unavailable");
                for (Map.Entry<String, String> e : unavailable.entrySet()) {
                    json.writeStringField(e.getKey(), e.getValue());
                }
                json.writeEndObject();
            }
            if (!estimates.isEmpty()) {
                json.writeStringField("estimate", String.join(" ", estimates));
            }
            json.writeArrayFieldStart("notes");
            for (String note : notes) {
                json.writeString(note);
            }
            json.writeEndArray();
        }

        private void writeValue(Object value, Unit unit) throws IOException {
            if (value == null) {
                json.writeNull();
            } else if (value instanceof Boolean b) {
                json.writeBoolean(b);
            } else if (value instanceof Instant instant) {
                json.writeString(instant.toString());
            } else if (value instanceof Number number) {
                Number rounded = Quantities.json(number, unit);
                if (rounded == null) {
                    json.writeNull();
                } else if (rounded instanceof BigDecimal d) {
                    json.writeNumber(d);
                } else if (rounded instanceof Double d) {
                    json.writeNumber(d);
                } else {
                    json.writeNumber(rounded.longValue());
                }
            } else {
                json.writeString(value.toString());
            }
        }
    }
}
