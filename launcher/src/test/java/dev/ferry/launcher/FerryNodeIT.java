package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user runs it: {@code bin/ferry} of a fresh copy of launcher/target/ferry,
 * started as a process. Needs {@code mvn package} first (failsafe runs after it).
 */
class FerryNodeIT {

    @TempDir
    Path tmp;
    private Path home;

    @BeforeEach
    void copyDistribution() throws IOException {
        Path dist = Path.of(System.getProperty("ferry.dist", "target/ferry"));
        home = tmp.resolve("ferry");
        try (Stream<Path> paths = Files.walk(dist)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path relative = dist.relativize(p);
                Path target = home.resolve(relative.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!relative.startsWith("data") && !relative.startsWith("deploy")) { // a fresh node: no one's files
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    @Test
    void aBundleDroppedIntoDeployAddsItsTransferTypeAndRemovingItTakesItAway() throws Exception {
        try (FerryProcess ferry = FerryProcess.start(home, "--feature", "ferry-runtime", "--feature", "ferry-core")) {
            Matcher ready = ferry.awaitLine("Ferry ready in (\\d+) ms");
            System.out.println("MEASURED start to ready (runtime+core): " + ready.group(1) + " ms");
            assertThat(ferry.output()).contains("Transfer types: none");

            Path jar;
            try (Stream<Path> files = Files.list(home.resolve("bundles"))) {
                jar = files.filter(p -> p.getFileName().toString().startsWith("ferry-transfer-file-")).findFirst().orElseThrow();
            }
            Path staged = Files.copy(jar, tmp.resolve(jar.getFileName()));
            Path deployed = home.resolve("deploy").resolve(jar.getFileName());
            Files.move(staged, deployed, StandardCopyOption.ATOMIC_MOVE); // FileInstall never sees half a jar
            ferry.awaitLine("Transfer type added: File source");
            ferry.awaitLine("Transfer type added: File sink");

            Files.delete(deployed);
            ferry.awaitLine("Transfer type removed: File source");
            ferry.awaitLine("Transfer type removed: File sink");
            ferry.awaitLine("Transfer type removed: File (source|sink) \\(node has: none\\)");
        }
    }

    @Test
    void transferCopiesAFileThroughTheDefaultNodeAndExitsZero() throws Exception {
        Path data = home.resolve("data");
        Path in = data.resolve("in.bin");
        byte[] content = new byte[6 * 1024 * 1024 + 123];
        new Random(42).nextBytes(content);
        Files.write(in, content);
        Path flow = writeFlow("copy-1", "${ferry.home}/data/in.bin", "${ferry.home}/data/out.bin");

        FerryProcess ferry = FerryProcess.start(home, "transfer", flow.toString());
        int exit = ferry.awaitExit();

        assertThat(exit).as(ferry.output()).isZero();
        assertThat(ferry.output()).contains("Flow copy-1 COMPLETED: 6.0 MiB");
        assertThat(sha256(data.resolve("out.bin"))).isEqualTo(sha256(in));
    }

    @Test
    void aFailingTransferExitsNonZeroWithTheReason() throws Exception {
        Path flow = writeFlow("broken-1", "${ferry.home}/data/missing.bin", "${ferry.home}/data/out.bin");

        FerryProcess ferry = FerryProcess.start(home, "transfer", flow.toString());
        int exit = ferry.awaitExit();

        assertThat(exit).as(ferry.output()).isEqualTo(1);
        assertThat(ferry.output()).containsPattern("Flow broken-1 (refused|FAILED): .*missing\\.bin");
        assertThat(home.resolve("data/out.bin")).doesNotExist();
    }

    @Test
    void withoutAConfigFileTheFeatureConfigurationApplies() throws Exception {
        Files.delete(home.resolve("config/ferry.transfer.file.cfg")); // ferry-file.json: allowedRoots ${ferry.home}/data
        Files.writeString(home.resolve("data/in.txt"), "hello");
        Path flow = writeFlow("feature-config-1", "${ferry.home}/data/in.txt", "${ferry.home}/data/out.txt");

        FerryProcess ferry = FerryProcess.start(home, "transfer", flow.toString(), "--feature", "ferry-runtime,ferry-core,ferry-file");

        assertThat(ferry.awaitExit()).as(ferry.output()).isZero();
        assertThat(home.resolve("data/out.txt")).hasContent("hello");
    }

    @Test
    void aConfigFileReplacesTheFeatureConfiguration() throws Exception {
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Files.writeString(home.resolve("config/ferry.transfer.file.cfg"), "allowedRoots = " + elsewhere + "\n");
        Files.writeString(home.resolve("data/in.txt"), "hello");
        Path flow = writeFlow("file-config-1", "${ferry.home}/data/in.txt", "${ferry.home}/data/out.txt");

        FerryProcess ferry = FerryProcess.start(home, "transfer", flow.toString(), "--feature", "ferry-runtime,ferry-core,ferry-file");

        assertThat(ferry.awaitExit()).as(ferry.output()).isEqualTo(1);
        assertThat(ferry.output()).contains("Flow file-config-1 refused:").contains("allowed");
        assertThat(home.resolve("data/out.txt")).doesNotExist();
    }

    private Path writeFlow(String id, String source, String destination) throws IOException {
        return Files.writeString(tmp.resolve(id + ".json"), """
                {"processId": "%s",
                 "source": {"type": "File", "path": "%s"},
                 "destination": {"type": "File", "path": "%s"}}
                """.formatted(id, source, destination));
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
