package dev.ferry.transfer.s3.testing;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.DataSourceFactory;
import dev.ferry.spi.pipeline.Part;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Test sources: generated data of type {@code TestData} (properties {@code size}, {@code seed}),
 * and a wrapper that runs an action once a number of bytes has been read (to stop a server or
 * delete an object mid-transfer, without sleeping). Counts the bytes read.
 */
public final class TestDataSource {

    public static final String TYPE = "TestData";

    private TestDataSource() {
    }

    /** A factory for {@code TestData} addresses whose reads add to {@code bytesRead}. */
    public static DataSourceFactory factory(AtomicLong bytesRead) {
        return new DataSourceFactory() {
            @Override
            public String supportedType() {
                return TYPE;
            }

            @Override
            public StreamResult<Void> validateRequest(DataFlowStartMessage message) {
                return StreamResult.success();
            }

            @Override
            public DataSource createSource(DataFlowStartMessage message) {
                long size = Long.parseLong(message.source().property("size", "0"));
                long seed = Long.parseLong(message.source().property("seed", "1"));
                Part part = new Part() {
                    @Override
                    public String name() {
                        return "data.bin";
                    }

                    @Override
                    public long size() {
                        return size;
                    }

                    @Override
                    public InputStream openStream() {
                        return counting(new TestData(size, seed), bytesRead::addAndGet);
                    }
                };
                return () -> StreamResult.success(Stream.of(part));
            }
        };
    }

    /** {@code source} whose part streams run {@code action} once {@code threshold} bytes were read in total. */
    public static DataSource triggerAfter(DataSource source, long threshold, Runnable action) {
        AtomicLong read = new AtomicLong();
        LongConsumer onRead = n -> {
            long before = read.getAndAdd(n);
            if (before < threshold && before + n >= threshold) {
                action.run();
            }
        };
        return new DataSource() {
            @Override
            public StreamResult<Stream<Part>> openPartStream() {
                return source.openPartStream().map(parts -> parts.map(p -> new Part() {
                    @Override
                    public String name() {
                        return p.name();
                    }

                    @Override
                    public long size() {
                        return p.size();
                    }

                    @Override
                    public InputStream openStream() throws IOException {
                        return counting(p.openStream(), onRead);
                    }
                }));
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    static InputStream counting(InputStream in, LongConsumer onRead) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    onRead.accept(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    onRead.accept(n);
                }
                return n;
            }
        };
    }
}
