package dev.ferry.it;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataPlaneManager;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSinkFactory;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.DataSourceFactory;
import dev.ferry.spi.pipeline.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;

/**
 * A transfer type {@code Memory} that the test bundle registers as services, the way a transfer
 * bundle does: the node must keep serving it while other types come and go. A flow with
 * {@code slow=true} waits until {@link #release()}.
 */
final class MemoryType {

    private final CountDownLatch gate = new CountDownLatch(1);

    static MemoryType register(BundleContext context) {
        MemoryType type = new MemoryType();
        Dictionary<String, Object> properties = new Hashtable<>(Map.of(DataSourceFactory.TYPE_PROPERTY, "Memory"));
        context.registerService(DataSourceFactory.class, type.sources(), properties);
        context.registerService(DataSinkFactory.class, type.sinks(), properties);
        return type;
    }

    String start(DataPlaneManager manager, String id) {
        manager.start(DataFlowStartMessage.push(id, DataAddress.of("Memory"), DataAddress.of("Memory"))).content();
        return id;
    }

    String startSlow(DataPlaneManager manager, String id) {
        manager.start(DataFlowStartMessage.push(id, new DataAddress("Memory", Map.of("slow", "true")),
                DataAddress.of("Memory")));
        return id;
    }

    void release() {
        gate.countDown();
    }

    private DataSourceFactory sources() {
        return new DataSourceFactory() {
            @Override
            public String supportedType() {
                return "Memory";
            }

            @Override
            public StreamResult<Void> validateRequest(DataFlowStartMessage message) {
                return StreamResult.success();
            }

            @Override
            public DataSource createSource(DataFlowStartMessage message) {
                boolean slow = message.source().property("slow").isPresent();
                Part part = new Part() {
                    @Override
                    public String name() {
                        return "memory";
                    }

                    @Override
                    public InputStream openStream() throws IOException {
                        if (slow) {
                            try {
                                gate.await();
                            } catch (InterruptedException e) {
                                throw new InterruptedIOException();
                            }
                        }
                        return new ByteArrayInputStream(new byte[64 * 1024]);
                    }
                };
                return () -> StreamResult.success(Stream.of(part));
            }
        };
    }

    private DataSinkFactory sinks() {
        return new DataSinkFactory() {
            @Override
            public String supportedType() {
                return "Memory";
            }

            @Override
            public StreamResult<Void> validateRequest(DataFlowStartMessage message) {
                return StreamResult.success();
            }

            @Override
            public DataSink createSink(DataFlowStartMessage message) {
                return source -> {
                    try (Stream<Part> parts = source.openPartStream().content()) {
                        for (Part part : parts.toList()) {
                            try (InputStream in = part.openStream()) {
                                in.transferTo(OutputStream.nullOutputStream());
                            }
                        }
                        return CompletableFuture.completedFuture(StreamResult.success(null));
                    } catch (IOException e) {
                        return CompletableFuture.completedFuture(StreamResult.generalError(e.toString()));
                    }
                };
            }
        };
    }
}
