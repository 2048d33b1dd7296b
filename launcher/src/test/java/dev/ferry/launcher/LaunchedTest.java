package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LaunchedTest {

    @Test
    void readsBashEpochRealtime() {
        assertThat(Main.launched("1763770000.123456")).isEqualTo(Instant.ofEpochSecond(1763770000L, 123_456_000L));
        assertThat(Main.launched("1763770000,5")).isEqualTo(Instant.ofEpochSecond(1763770000L, 500_000_000L));
    }

    @Test
    void withoutItTheJvmStartIsUsed() {
        assertThat(Main.launched("")).isBefore(Instant.now().plusSeconds(1));
        assertThat(Main.launched("not a number")).isBefore(Instant.now().plusSeconds(1));
    }
}
