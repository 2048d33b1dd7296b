package dev.ferry.core.internal;

import dev.ferry.core.OutputStreamDataSink;
import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSinkFactory;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.DataSourceFactory;
import dev.ferry.spi.pipeline.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Fake transfer types for unit tests. Source type {@code Test}: property {@code bytes} = how many
 * bytes to produce ({@code endless} for no end); property {@code gate} = name of a latch to wait
 * on before the first byte. Sink type {@code Collect}: keeps what it received per process id.
 */
final class TestTypes {

    final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    final Map<String, ByteArrayOutputStream> received = new ConcurrentHashMap<>();
    final AtomicInteger sinkTransfers = new AtomicInteger();
    /** Bytes produced by every Test source: proves I/O stopped, not just the count reported. */
    final AtomicLong produced = new AtomicLong();

    static DataFlowStartMessage flow(String id, String bytes) {
        return DataFlowStartMessage.push(id, new DataAddress("Test", Map.of("bytes", bytes)), DataAddress.of("Collect"));
    }

    static DataFlowStartMessage gatedFlow(String id, String bytes, String gate) {
        return DataFlowStartMessage.push(id, new DataAddress("Test", Map.of("bytes", bytes, "gate", gate)),
                DataAddress.of("Collect"));
    }

    CountDownLatch gate(String name) {
        return gates.computeIfAbsent(name, n -> new CountDownLatch(1));
    }

    final DataSourceFactory sources = new DataSourceFactory() {
        @Override
        public String supportedType() {
            return "Test";
        }

        @Override
        public StreamResult<Void> validateRequest(DataFlowStartMessage message) {
            return message.source().property("bytes").isPresent() ? StreamResult.success()
                    : StreamResult.badRequest("source.bytes: required");
        }

        @Override
        public DataSource createSource(DataFlowStartMessage message) {
            String bytes = message.source().property("bytes", "0");
            long size = bytes.equals("endless") ? Long.MAX_VALUE : Long.parseLong(bytes);
            CountDownLatch gate = message.source().property("gate").map(TestTypes.this::gate).orElse(null);
            Part part = new Part() {
                @Override
                public String name() {
                    return "data";
                }

                @Override
                public InputStream openStream() throws IOException {
                    await(gate);
                    return new PatternStream(size, produced);
                }
            };
            return () -> StreamResult.success(Stream.of(part));
        }
    };

    final DataSinkFactory sinks = new DataSinkFactory() {
        @Override
        public String supportedType() {
            return "Collect";
        }

        @Override
        public StreamResult<Void> validateRequest(DataFlowStartMessage message) {
            return StreamResult.success();
        }

        @Override
        public DataSink createSink(DataFlowStartMessage message) {
            ByteArrayOutputStream out = received.computeIfAbsent(message.processId(), id -> new ByteArrayOutputStream());
            DataSink delegate = new OutputStreamDataSink(out);
            return source -> {
                sinkTransfers.incrementAndGet();
                return delegate.transfer(source);
            };
        }
    };

    /** Sink type {@code Null}: reads everything, keeps nothing. */
    final DataSinkFactory nulls = new DataSinkFactory() {
        @Override
        public String supportedType() {
            return "Null";
        }

        @Override
        public StreamResult<Void> validateRequest(DataFlowStartMessage message) {
            return StreamResult.success();
        }

        @Override
        public DataSink createSink(DataFlowStartMessage message) {
            return new OutputStreamDataSink(java.io.OutputStream.nullOutputStream());
        }
    };

    static DataFlowStartMessage endlessFlow(String id) {
        return DataFlowStartMessage.push(id, new DataAddress("Test", Map.of("bytes", "endless")), DataAddress.of("Null"));
    }

    private static void await(CountDownLatch gate) throws IOException {
        if (gate == null) {
            return;
        }
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IOException("test gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted at the gate");
        }
    }

    /** {@code size} bytes of a repeating pattern; for endless sizes the heap stays flat in the sink via discard. */
    static final class PatternStream extends InputStream {
        private long remaining;
        private final AtomicLong produced;

        PatternStream(long size, AtomicLong produced) {
            this.remaining = size;
            this.produced = produced;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            produced.incrementAndGet();
            return (int) (remaining & 0x7f);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((remaining - i - 1) & 0x7f);
            }
            remaining -= n;
            produced.addAndGet(n);
            return n;
        }
    }
}
