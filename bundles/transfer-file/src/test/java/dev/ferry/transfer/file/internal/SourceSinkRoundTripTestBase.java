package dev.ferry.transfer.file.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSinkFactory;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.DataSourceFactory;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The round-trip contract every transfer type keeps: what a source of type X reads, a sink of
 * type X writes back byte for byte. An implementation says how to store a source object, where
 * to write, and how to read the result back; the test moves it through the factories.
 */
abstract class SourceSinkRoundTripTestBase {

    protected abstract DataSourceFactory sourceFactory();

    protected abstract DataSinkFactory sinkFactory();

    /** Stores {@code content} as one object named {@code name}; returns the source address naming it. */
    protected abstract DataAddress storeSource(String name, byte[] content) throws Exception;

    /** A destination address for one object named {@code name}. */
    protected abstract DataAddress destination(String name) throws Exception;

    /** The bytes written to {@link #destination(String)}. */
    protected abstract byte[] readDestination(String name) throws Exception;

    protected StreamResult<Object> transfer(DataAddress source, DataAddress destination) {
        DataFlowStartMessage message = DataFlowStartMessage.push("round-trip", source, destination);
        assertThat(sourceFactory().validateRequest(message).failure()).isNull();
        assertThat(sinkFactory().validateRequest(message).failure()).isNull();
        try (DataSource from = sourceFactory().createSource(message)) {
            DataSink to = sinkFactory().createSink(message);
            return to.transfer(from).join();
        }
    }

    protected static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    protected static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void aMultiMegabyteObjectCrossesUnchanged() throws Exception {
        byte[] content = random(5 * 1024 * 1024 + 17, 42);

        StreamResult<Object> result = transfer(storeSource("big.bin", content), destination("big.bin"));

        assertThat(result.failure()).isNull();
        assertThat(sha256(readDestination("big.bin"))).isEqualTo(sha256(content));
    }

    @Test
    void anEmptyObjectCrossesUnchanged() throws Exception {
        StreamResult<Object> result = transfer(storeSource("empty.bin", new byte[0]), destination("empty.bin"));

        assertThat(result.failure()).isNull();
        assertThat(readDestination("empty.bin")).isEmpty();
    }
}
