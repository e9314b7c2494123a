package io.veltrix.reports.jfr;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What was read: the files, the time window of the events, the chunks' time span, and how fast it went.
 *
 * @param files what was read of each file
 * @param layouts the chunk layout of each file (for the chunks' time span)
 * @param context time window of the events read
 * @param eventsRead events of the subscribed types read
 * @param elapsed time the analysis took (reading and aggregating)
 */
public record RecordingSummary(
        List<FileReport> files,
        List<RecordingLayout> layouts,
        AnalysisContext context,
        long eventsRead,
        Duration elapsed)
        implements ReportSection {

    @Override
    public String key() {
        return "recording";
    }

    @Override
    public String title() {
        return "Recording";
    }

    /** Bytes of recording analysed (complete chunks). */
    public long readBytes() {
        return files.stream().mapToLong(FileReport::readBytes).sum();
    }

    /** When the first chunk read began, from its header. */
    public Instant chunkStart() {
        return layouts.stream()
                .map(RecordingLayout::chunkStart)
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
    }

    /** When the last chunk read ended, from its header. */
    public Instant chunkEnd() {
        return layouts.stream()
                .map(RecordingLayout::chunkEnd)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
    }

    @Override
    public void writeTo(SectionWriter out) {
        out.value("partial", "partial results", context.partial(), Unit.TEXT);
        List<List<Object>> rows = new ArrayList<>();
        for (FileReport f : files) {
            List<Object> row = new ArrayList<>();
            row.add(f.file().toString());
            row.add(f.bytes());
            row.add(f.readBytes());
            row.add((long) f.chunks());
            row.add(f.complete() ? "complete" : "partial");
            row.add(f.problem());
            rows.add(row);
        }
        out.table(
                "files",
                "files",
                List.of(
                        new Column("path", "file", Unit.TEXT),
                        new Column("bytes", "size", Unit.BYTES),
                        new Column("readBytes", "read", Unit.BYTES),
                        new Column("chunks", "chunks", Unit.COUNT),
                        new Column("status", "status", Unit.TEXT),
                        new Column("problem", "problem", Unit.TEXT)),
                rows);
        if (context.firstEvent() == null) {
            out.missing("firstEvent", "first event", "no event of the analysed types was read");
        } else {
            out.value("firstEvent", "first event", context.firstEvent(), Unit.TIMESTAMP);
            out.value("lastEvent", "last event", context.lastEvent(), Unit.TIMESTAMP);
            out.value("durationSeconds", "duration (first to last event)", seconds(context.duration()), Unit.SECONDS);
        }
        Instant start = chunkStart();
        if (start != null) {
            out.value("chunkStart", "recording start (chunk header)", start, Unit.TIMESTAMP);
            out.value(
                    "chunkSpanSeconds",
                    "recording span (chunk headers)",
                    seconds(Duration.between(start, chunkEnd())),
                    Unit.SECONDS);
        }
        out.count("eventsRead", "events read", eventsRead);
        out.value("analysisSeconds", "analysis time", seconds(elapsed), Unit.SECONDS);
        out.value(
                "readBytesPerSecond",
                "analysis speed",
                elapsed.isZero() ? 0.0 : readBytes() * 1e9 / elapsed.toNanos(),
                Unit.BYTES_PER_SECOND);
        out.note("First and last event are the earliest start and latest end over the event types analysed (see"
                + " settings); other event types are skipped unparsed.");
        if (context.partial()) {
            out.note("PARTIAL: some input could not be read completely (see files); figures cover what was read.");
        }
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
