package dev.ferry.transfer.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.core.Ferry;
import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.FlowState;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.DataSourceFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File flows through the real core in plain-Java mode: the factories come from ServiceLoader with
 * the default roots (working directory and java.io.tmpdir, where @TempDir lives).
 */
class EmbeddedFerryFileTest {

    @TempDir
    Path tmp;
    Ferry ferry;

    @BeforeEach
    void start() {
        ferry = Ferry.embedded();
    }

    @AfterEach
    void stop() {
        ferry.close();
    }

    private DataFlow awaitState(String id, FlowState state) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ferry.manager().flow(id).map(DataFlow::state).orElse(null) == state);
        return ferry.manager().flow(id).orElseThrow();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> !p.equals(dir)).count();
        }
    }

    @Test
    void aPushFlowCopiesAFileAndCompletes() throws Exception {
        byte[] content = new byte[2 * 1024 * 1024 + 3];
        new Random(7).nextBytes(content);
        Path in = Files.write(tmp.resolve("in.bin"), content);
        Path out = tmp.resolve("out/copy.bin");

        StreamResult<DataFlow> started = ferry.manager().start(
                DataFlowStartMessage.push("file-1", Messages.file(in), Messages.file(out)));

        assertThat(started.failure()).isNull();
        awaitState("file-1", FlowState.COMPLETED);
        assertThat(sha256(out)).isEqualTo(sha256(in));
    }

    @Test
    void aFlowOutsideTheRootsIsRefusedAtStartWithTheFactoryMessage() {
        StreamResult<DataFlow> started = ferry.manager().start(
                DataFlowStartMessage.push("file-2", Messages.file("/etc/hostname"), Messages.file(tmp.resolve("x"))));

        assertThat(started.failureMessage()).contains("source.path '/etc/hostname' is outside the allowed roots")
                .contains("system property ferry.file.allowedRoots");
    }

    @Test
    void terminatingARunningFlowLeavesNoPartialOutput() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        ferry.pipeline().registerFactory(new DataSourceFactory() {
            @Override
            public String supportedType() {
                return "Endless";
            }

            @Override
            public StreamResult<Void> validateRequest(DataFlowStartMessage message) {
                return StreamResult.success();
            }

            @Override
            public DataSource createSource(DataFlowStartMessage message) {
                return FakeParts.sourceOf(FakeParts.text("first.txt", "first"), FakeParts.endless("endless.bin", reading));
            }
        });
        Path out = Files.createDirectory(tmp.resolve("out"));

        ferry.manager().start(DataFlowStartMessage.push("file-3", DataAddress.of("Endless"), Messages.file(out + "/")));
        await().atMost(Duration.ofSeconds(30)).until(() -> reading.getCount() == 0);
        ferry.manager().terminate("file-3", "test stops it");

        awaitState("file-3", FlowState.TERMINATED);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(out) == 0);
    }
}
