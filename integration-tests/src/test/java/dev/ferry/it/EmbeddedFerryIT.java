package dev.ferry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.core.Ferry;
import dev.ferry.core.FerryOptions;
import dev.ferry.core.InputStreamDataSource;
import dev.ferry.core.OutputStreamDataSink;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.FlowState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The same core and File type on a plain class path: no OSGi framework, factories found by ServiceLoader. */
class EmbeddedFerryIT {

    @Test
    void fileToFileWithoutAFramework() throws Exception {
        Path dir = Files2.freshDir("embedded");
        Path input = Files2.randomFile(dir.resolve("in.bin"), 8L << 20);
        Path output = dir.resolve("out.bin");
        try (Ferry ferry = Ferry.embedded(new FerryOptions(10, 2))) {
            assertThat(ferry.pipeline().sourceTypes()).contains("File");
            StreamResult<DataFlow> started = ferry.manager().start(NodeSupport.fileFlow("embedded", input, output));
            assertThat(started.failureMessage()).isNull();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> ferry.manager().flow("embedded").orElseThrow().state().isTerminal());
            DataFlow done = ferry.manager().flow("embedded").orElseThrow();
            assertThat(done.state()).as(done.failureReason()).isEqualTo(FlowState.COMPLETED);
        }
        assertThat(Files2.sha256(output)).isEqualTo(Files2.sha256(input));
    }

    @Test
    void adHocTransferBetweenUserStreams() throws Exception {
        byte[] data = new byte[3_000_000];
        new java.util.Random(7).nextBytes(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Ferry ferry = Ferry.embedded()) {
            StreamResult<Object> result = ferry.manager()
                    .transfer(new InputStreamDataSource("bytes", new ByteArrayInputStream(data)), new OutputStreamDataSink(out))
                    .get();
            assertThat(result.succeeded()).as(result.failureMessage()).isTrue();
        }
        assertThat(out.toByteArray()).isEqualTo(data);
    }
}
