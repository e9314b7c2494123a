package io.veltrix.scenarios.parse;

import io.veltrix.scenarios.model.Scenario;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads and validates scenario files. Every problem of a file is reported at once, each with file, line and
 * column, what was expected, and a suggestion for a misspelt key or value.
 */
public final class ScenarioParser {
    private ScenarioParser() {}

    /**
     * Parses scenario text.
     *
     * @param fileName the name to show in problems, usually the path as the user typed it
     * @param yaml the file's content
     */
    public static ParseResult parse(String fileName, String yaml) {
        ParseContext context = new ParseContext(fileName);
        YamlNode root = YamlTreeReader.read(yaml, context);
        Scenario scenario = new ScenarioReader(context).read(root);
        return new ParseResult(Optional.ofNullable(scenario), context.problems());
    }

    /** Reads and parses a file; a file that cannot be read is one problem at its start. */
    public static ParseResult read(Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return unreadable(name, "no such file");
        } catch (CharacterCodingException e) {
            return unreadable(name, "cannot read the file: it is not UTF-8 text");
        } catch (IOException e) {
            return unreadable(name, "cannot read the file: " + e.getMessage());
        }
        return parse(name, text);
    }

    /** Reads a file that must be valid, as a runner does. */
    public static Scenario readValid(Path file) throws InvalidScenarioException {
        ParseResult result = read(file);
        if (!result.isValid()) {
            throw new InvalidScenarioException(result.problems());
        }
        return result.scenario().orElseThrow();
    }

    private static ParseResult unreadable(String name, String message) {
        return new ParseResult(Optional.empty(), List.of(new Problem(name, Location.START, message)));
    }
}
