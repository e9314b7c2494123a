package io.veltrix.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of the report formats, in {@code src/test/resources/golden/}. A test renders a fixed report and
 * compares it with its golden file, byte for byte. After an intended change of a format, regenerate them with
 * {@code mvn -pl reports test -Dveltrix.golden.update=true} and review the diff.
 */
public final class Golden {
    private static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");

    private Golden() {}

    /** Asserts that {@code actual} is the content of golden file {@code name} (or rewrites it in update mode). */
    public static void assertMatches(String name, String actual) throws IOException {
        Path file = DIRECTORY.resolve(name);
        if (Boolean.getBoolean("veltrix.golden.update")) {
            Files.createDirectories(DIRECTORY);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(file))
                .as("golden file %s is missing; create it with -Dveltrix.golden.update=true", file)
                .isTrue();
        assertThat(actual).as("golden file %s", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
