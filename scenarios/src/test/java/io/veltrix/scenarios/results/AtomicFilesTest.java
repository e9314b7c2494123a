package io.veltrix.scenarios.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void shouldReplaceTheFileAndLeaveNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("results.json");
        AtomicFiles.write(target, "first".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "second".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(target)).isEqualTo("second");
        assertThat(names(dir)).containsExactly("results.json");
    }

    @Test
    void shouldKeepTheOldFileAndRemoveTheTemporaryOneWhenWritingFails(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("naive.hlog");
        AtomicFiles.write(target, "old".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> AtomicFiles.write(target, temporary -> {
                    Files.writeString(temporary, "half written");
                    throw new IOException("disk full");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(names(dir)).containsExactly("naive.hlog");
    }

    @Test
    void shouldWriteTheTemporaryFileInTheTargetsDirectory(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("sub").resolve("tiered.jfr");
        Path[] seen = new Path[1];
        AtomicFiles.write(target, temporary -> {
            seen[0] = temporary;
            Files.writeString(temporary, "x");
        });
        assertThat(seen[0].getParent()).isEqualTo(target.toAbsolutePath().getParent());
        assertThat(seen[0].getFileName().toString()).startsWith(".tiered.jfr.").endsWith(".tmp");
        assertThat(names(target.getParent())).containsExactly("tiered.jfr");
    }

    private static java.util.List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
