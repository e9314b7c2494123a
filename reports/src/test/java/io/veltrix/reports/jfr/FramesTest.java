package io.veltrix.reports.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void shouldWriteArrayClassesAsJavaSourceDoes() {
        assertThat(Frames.javaName("[B")).isEqualTo("byte[]");
        assertThat(Frames.javaName("[[I")).isEqualTo("int[][]");
        assertThat(Frames.javaName("[Ljava.lang.String;")).isEqualTo("java.lang.String[]");
        assertThat(Frames.javaName("[[Ljava/util/HashMap$Node;")).isEqualTo("java.util.HashMap$Node[][]");
        assertThat(Frames.javaName("java.lang.String")).isEqualTo("java.lang.String");
        assertThat(Frames.javaName("")).isEqualTo("[unknown class]");
        assertThat(Frames.javaName(null)).isEqualTo("[unknown class]");
    }
}
