package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpiExportsTest {

    @Test
    void theSystemBundleExportsWhatTheSpiJarExportsWithItsVersions() {
        assertThat(SpiExports.exportPackage())
                .contains("dev.ferry.spi;version=\"1.0.0\"")
                .contains("dev.ferry.spi.flow;version=\"1.1.0\"")
                .contains("dev.ferry.spi.pipeline;version=\"1.0.0\"");
    }
}
