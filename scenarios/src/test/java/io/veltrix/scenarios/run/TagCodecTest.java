package io.veltrix.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TagCodecTest {

    @Test
    void shouldRoundTripTheExtremes() {
        long[][] cases = {
            {0, 0},
            {0, TagCodec.MAX_SERVICE_NANOS},
            {TagCodec.MAX_SEQUENCE, 0},
            {TagCodec.MAX_SEQUENCE, TagCodec.MAX_SERVICE_NANOS},
            {1, 1},
            {123_456_789, 17_000_000_000L}
        };
        for (long[] c : cases) {
            long tag = TagCodec.encode(c[0], c[1]);
            assertThat(TagCodec.sequence(tag)).as("sequence of %s", tag).isEqualTo(c[0]);
            assertThat(TagCodec.serviceNanos(tag)).as("service of %s", tag).isEqualTo(c[1]);
        }
    }

    @Test
    void shouldRoundTripRandomValues() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long sequence = random.nextLong(TagCodec.MAX_SEQUENCE + 1);
            long service = random.nextLong(TagCodec.MAX_SERVICE_NANOS + 1);
            long tag = TagCodec.encode(sequence, service);
            assertThat(TagCodec.sequence(tag)).isEqualTo(sequence);
            assertThat(TagCodec.serviceNanos(tag)).isEqualTo(service);
        }
    }

    @Test
    void shouldDocumentItsLimits() {
        assertThat(TagCodec.MAX_SEQUENCE).isEqualTo((1L << 30) - 1).isEqualTo(1_073_741_823L);
        assertThat(TagCodec.MAX_SERVICE_NANOS).isEqualTo((1L << 34) - 1).isEqualTo(17_179_869_183L);
        // The sequence uses the sign bit: the largest tags are negative, and still decode.
        assertThat(TagCodec.encode(TagCodec.MAX_SEQUENCE, 5)).isNegative();
    }

    @Test
    void shouldRefuseValuesOutOfRange() {
        assertThatThrownBy(() -> TagCodec.encode(TagCodec.MAX_SEQUENCE + 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sequence must be in [0, 1073741823], was 1073741824");
        assertThatThrownBy(() -> TagCodec.encode(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TagCodec.encode(0, TagCodec.MAX_SERVICE_NANOS + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("serviceNanos must be in [0, 17179869183] (about 17.18 s), was 17179869184");
        assertThatThrownBy(() -> TagCodec.encode(0, -5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldClampServiceTimesToWhatATagCarries() {
        assertThat(TagCodec.clampService(60_000_000_000L)).isEqualTo(TagCodec.MAX_SERVICE_NANOS);
        assertThat(TagCodec.clampService(-3)).isZero();
        assertThat(TagCodec.clampService(1234)).isEqualTo(1234);
    }
}
