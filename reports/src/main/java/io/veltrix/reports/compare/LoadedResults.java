package io.veltrix.reports.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.veltrix.scenarios.results.AtomicFiles;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.ResultsJson;
import io.veltrix.scenarios.results.ResultsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A bench's results as {@code compare} reads them: {@code results.json}, and the {@link Repeats} in
 * {@value Repeats#FILE} beside it when the bench was repeated.
 *
 * @param file the results file
 * @param results its content
 * @param repeats the repeats beside it, or null
 */
public record LoadedResults(Path file, BenchResults results, Repeats repeats) {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public LoadedResults {
        Objects.requireNonNull(results, "results");
    }

    /**
     * Loads a results file, or the {@code results.json} of a directory, and its repeats if any.
     *
     * @throws BadResultsException saying what is wrong with which file
     */
    public static LoadedResults load(Path path) throws BadResultsException {
        Path file = path;
        if (Files.isDirectory(path)) {
            file = path.resolve(ResultsWriter.RESULTS_FILE);
            if (!Files.isRegularFile(file)) {
                throw new BadResultsException(path + ": no " + ResultsWriter.RESULTS_FILE
                        + " in this directory; give a results file or the" + " output directory of a bench");
            }
        }
        BenchResults results = readResults(file);
        Path parent = file.toAbsolutePath().getParent();
        Path repeatsFile = parent == null ? null : parent.resolve(Repeats.FILE);
        Repeats repeats = repeatsFile != null && Files.isRegularFile(repeatsFile) ? readRepeats(repeatsFile) : null;
        return new LoadedResults(file, results, repeats);
    }

    private static BenchResults readResults(Path file) throws BadResultsException {
        JsonNode tree = tree(file);
        JsonNode schema = tree.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new BadResultsException(file + ": not a Veltrix results file (no \"schema\" field); expected the"
                    + " results.json a bench writes, schema " + BenchResults.SCHEMA);
        }
        if (!BenchResults.SCHEMA.equals(schema.asText())) {
            throw new BadResultsException(file + ": schema '" + schema.asText() + "' is not " + BenchResults.SCHEMA
                    + "; this version of veltrix reads " + BenchResults.SCHEMA);
        }
        try {
            BenchResults results = ResultsJson.read(file);
            if (results.strategies() == null || results.scenario() == null) {
                throw new BadResultsException(
                        file + ": incomplete results: no \"strategies\" or no \"scenario\" (schema "
                                + BenchResults.SCHEMA + ")");
            }
            return results;
        } catch (IOException e) {
            throw new BadResultsException(file + ": not of schema " + BenchResults.SCHEMA + ": " + firstLine(e), e);
        }
    }

    private static Repeats readRepeats(Path file) throws BadResultsException {
        JsonNode tree = tree(file);
        JsonNode schema = tree.get("schema");
        if (schema == null || !Repeats.SCHEMA.equals(schema.asText())) {
            throw new BadResultsException(
                    file + ": schema '" + (schema == null ? "" : schema.asText()) + "' is not " + Repeats.SCHEMA);
        }
        try {
            return MAPPER.treeToValue(tree, Repeats.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new BadResultsException(file + ": not of schema " + Repeats.SCHEMA + ": " + firstLine(e), e);
        }
    }

    private static JsonNode tree(Path file) throws BadResultsException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadResultsException(file + ": no such file");
        } catch (IOException e) {
            throw new BadResultsException(file + ": cannot be read: " + e.getMessage(), e);
        }
        try {
            JsonNode tree = MAPPER.readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw new BadResultsException(file + ": not a Veltrix results file (expected a JSON object)");
            }
            return tree;
        } catch (IOException e) {
            throw new BadResultsException(file + ": not JSON: " + firstLine(e), e);
        }
    }

    /** Writes {@code repeats} to {@value Repeats#FILE} in {@code directory}, atomically. */
    public static Path writeRepeats(Path directory, Repeats repeats) throws IOException {
        Path file = directory.resolve(Repeats.FILE);
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(repeats));
        return file;
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException
                ? ((JsonProcessingException) e).getOriginalMessage()
                : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        if (e instanceof JsonProcessingException && ((JsonProcessingException) e).getLocation() != null) {
            var at = ((JsonProcessingException) e).getLocation();
            if (at.getLineNr() > 0) {
                first += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            }
        }
        return first;
    }
}
