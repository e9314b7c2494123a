package io.veltrix.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrSettingsTest {

    @Test
    void shouldReadOffOnAndProfile() throws Exception {
        assertThat(JfrSettings.parse("off").enabled()).isFalse();
        assertThat(JfrSettings.parse("on").source()).isEqualTo("profile");
        assertThat(JfrSettings.parse("profile").configuration().getName()).isEqualTo("profile");
    }

    @Test
    void shouldUseAJfcFile(@TempDir Path dir) throws Exception {
        Path jfc = dir.resolve("mine.jfc");
        Files.copy(Path.of(System.getProperty("java.home"), "lib", "jfr", "default.jfc"), jfc);
        JfrSettings settings = JfrSettings.parse(jfc.toString());
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.source()).isEqualTo(jfc.toString());
        assertThat(settings.configuration().getSettings()).isNotEmpty();
    }

    @Test
    void shouldSayWhatIsExpected(@TempDir Path dir) {
        assertThat(catchThrowableOfType(BenchSetupException.class, () -> JfrSettings.parse("sometimes"))
                        .problems())
                .containsExactly("--jfr: expected off, on, profile or a .jfc configuration file, was 'sometimes'");
        Path missing = dir.resolve("none.jfc");
        assertThat(catchThrowableOfType(BenchSetupException.class, () -> JfrSettings.parse(missing.toString()))
                        .problems())
                .containsExactly("--jfr: no such .jfc file: " + missing);
    }
}
