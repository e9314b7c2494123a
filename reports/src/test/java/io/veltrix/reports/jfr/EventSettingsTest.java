package io.veltrix.reports.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventSettingsTest {

    @Test
    void shouldCountATypeAsEnabledWhenAnyRecordingEnabledIt() {
        EventSettings.Collector c = new EventSettings.Collector();
        c.knownType("jdk.CPULoad");
        c.add("jdk.CPULoad", "enabled", "false");
        c.add("jdk.CPULoad", "enabled", "true");
        c.add("jdk.CPULoad", "period", "1000 ms");
        c.add("jdk.CPULoad", "period", "20 ms");
        EventSettings settings = c.build(Map.of());
        assertThat(settings.state("jdk.CPULoad")).isEqualTo(EventSettings.State.ENABLED);
        assertThat(settings.setting("jdk.CPULoad", "period")).isEqualTo("1000 ms | 20 ms");
        assertThat(settings.whyMissing("jdk.CPULoad")).isEqualTo("jdk.CPULoad was enabled but no events were recorded");
    }

    @Test
    void shouldTellNotConfiguredFromUnknownFromNotInTheJvm() {
        EventSettings.Collector c = new EventSettings.Collector();
        c.knownType("jdk.CPULoad");
        c.knownType("jdk.ThreadPark");
        c.add("jdk.CPULoad", "enabled", "true");
        EventSettings settings = c.build(Map.of());
        assertThat(settings.state("jdk.ThreadPark")).isEqualTo(EventSettings.State.NOT_CONFIGURED);
        assertThat(settings.whyMissing("jdk.ThreadPark"))
                .isEqualTo("jdk.ThreadPark was not configured in this recording's settings, so it was off");
        assertThat(settings.state("jdk.ObjectAllocationSample")).isEqualTo(EventSettings.State.NOT_IN_JVM);

        EventSettings none = new EventSettings.Collector().build(Map.of());
        assertThat(none.state("jdk.ThreadPark")).isEqualTo(EventSettings.State.UNKNOWN);
        assertThat(none.whyMissing("jdk.ThreadPark")).contains("no jdk.ActiveSetting events");
    }

    @Test
    void shouldCountATypeWithEventsAsEnabledWhateverTheSettingsSay() {
        EventSettings.Collector c = new EventSettings.Collector();
        c.add("jdk.GarbageCollection", "enabled", "false");
        EventSettings settings = c.build(Map.of("jdk.GarbageCollection", 3L));
        assertThat(settings.state("jdk.GarbageCollection")).isEqualTo(EventSettings.State.ENABLED);
        assertThat(settings.eventCount("jdk.GarbageCollection")).isEqualTo(3);
    }

    @Test
    void shouldShowNanosecondSettingsAsAJfcFileWould() {
        assertThat(EventSettings.Collector.readable("10000000 ns")).isEqualTo("10 ms");
        assertThat(EventSettings.Collector.readable("2000000000 ns")).isEqualTo("2 s");
        assertThat(EventSettings.Collector.readable("1500 ns")).isEqualTo("1500 ns");
        assertThat(EventSettings.Collector.readable("20000 ns")).isEqualTo("20 us");
        assertThat(EventSettings.Collector.readable("0 ns")).isEqualTo("0 ns");
        assertThat(EventSettings.Collector.readable("everyChunk")).isEqualTo("everyChunk");
        assertThat(EventSettings.Collector.readable("300/s")).isEqualTo("300/s");
    }
}
