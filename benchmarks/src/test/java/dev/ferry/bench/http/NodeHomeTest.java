package dev.ferry.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's private node home: a copy it may configure without touching the distribution. */
class NodeHomeTest {

    @TempDir
    Path dist;

    private void fakeDistribution() throws Exception {
        Files.createDirectories(dist.resolve("bin"));
        Path script = Files.writeString(dist.resolve("bin/ferry"), "#!/bin/sh\n");
        script.toFile().setExecutable(true);
        Files.createDirectories(dist.resolve("config"));
        Files.writeString(dist.resolve("config/ferry.signaling.cfg"), "# the port\nport = 8282\nhost = 127.0.0.1\n");
        Files.createDirectories(dist.resolve("deploy"));
        Files.writeString(dist.resolve("deploy/old.jar"), "x");
    }

    @Test
    void configuresTheCopyOnlyReplacingAndAppendingKeys() throws Exception {
        fakeDistribution();
        NodeHome home = NodeHome.copyOf(dist);
        try {
            Map<String, String> values = new TreeMap<>(Map.of("port", "9999", "controlPlaneUrl", "http://127.0.0.1:1/cp"));
            home.configure("ferry.signaling", values);

            assertThat(Files.readAllLines(home.path().resolve("config/ferry.signaling.cfg"))).containsExactly(
                    "# the port", "port = 9999", "host = 127.0.0.1", "controlPlaneUrl = http://127.0.0.1:1/cp");
            assertThat(Files.readString(dist.resolve("config/ferry.signaling.cfg"))).contains("port = 8282");
            assertThat(Files.isExecutable(home.path().resolve("bin/ferry"))).isTrue();
            assertThat(Files.exists(home.path().resolve("deploy"))).isTrue();
            assertThat(Files.list(home.path().resolve("deploy")).toList()).isEmpty();
        } finally {
            home.delete();
        }
        assertThat(Files.exists(home.path())).isFalse();
    }

    @Test
    void refusesAFolderThatIsNoDistribution() {
        assertThatThrownBy(() -> NodeHome.copyOf(dist)).hasMessageContaining("no bin/ferry");
    }
}
