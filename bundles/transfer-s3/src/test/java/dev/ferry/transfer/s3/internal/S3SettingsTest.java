package dev.ferry.transfer.s3.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class S3SettingsTest {

    @Test
    void badSettingsNameTheAttribute() {
        S3Settings d = S3Settings.defaults();

        assertThatThrownBy(() -> d.withPartSize(1024, 4)).hasMessageStartingWith("partSize:");
        assertThatThrownBy(() -> d.withPartSize(S3Settings.MIN_PART, 0)).hasMessageStartingWith("parallelism:");
        assertThatThrownBy(() -> d.withChecksums("SOMETIMES", "WHEN_REQUIRED")).hasMessageStartingWith("requestChecksumCalculation:");
        assertThatThrownBy(() -> d.withCopy(S3Settings.MIN_PART, 6L << 30)).hasMessageStartingWith("multipartCopyThreshold:");
    }
}
