package dev.ferry.transfer.http.bench;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.testing.http.HttpTestServer;
import dev.ferry.transfer.http.internal.HttpDataSinkFactory;
import dev.ferry.transfer.http.internal.HttpDataSourceFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Latency of small HttpData transfers without the core: one 10 MiB transfer, and 100 × 1 MiB run
 * sequentially and 8 at a time (the core's default workers). Shows per-request overheads such as
 * connection set-up or Nagle delays. Run by hand like {@link HttpClientThroughputBench}.
 */
public final class HttpSmallFlowsBench {

    private HttpSmallFlowsBench() {
    }

    public static void main(String[] args) throws Exception {
        HttpDataSourceFactory sources = new HttpDataSourceFactory();
        HttpDataSinkFactory sinks = new HttpDataSinkFactory();
        try (HttpTestServer origin = HttpTestServer.start(); HttpTestServer destination = HttpTestServer.start();
             ExecutorService eight = Executors.newFixedThreadPool(8)) {
            for (int round = 0; round < 4; round++) {
                long start = System.nanoTime();
                run(sources, sinks, origin, destination, 10 << 20);
                double tenMiB = (System.nanoTime() - start) / 1e6;

                start = System.nanoTime();
                for (int i = 0; i < 100; i++) {
                    run(sources, sinks, origin, destination, 1 << 20);
                }
                double sequential = (System.nanoTime() - start) / 1e6;

                start = System.nanoTime();
                List<Future<?>> all = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    all.add(eight.submit(() -> run(sources, sinks, origin, destination, 1 << 20)));
                }
                for (Future<?> f : all) {
                    f.get();
                }
                double parallel = (System.nanoTime() - start) / 1e6;
                System.out.printf("round %d: 10 MiB %.1f ms; 100 x 1 MiB sequential %.0f ms, 8 at a time %.0f ms%n",
                        round, tenMiB, sequential, parallel);
            }
        }
    }

    private static Void run(HttpDataSourceFactory sources, HttpDataSinkFactory sinks, HttpTestServer origin,
                            HttpTestServer destination, long size) {
        DataFlowStartMessage message = DataFlowStartMessage.push("small",
                new DataAddress("HttpData", Map.of("baseUrl", origin.baseUrl() + "/bytes/" + size)),
                new DataAddress("HttpData", Map.of("baseUrl", destination.baseUrl() + "/discard/x")));
        try (DataSource source = sources.createSource(message)) {
            StreamResult<Object> result = sinks.createSink(message).transfer(source).join();
            if (result.failed()) {
                throw new IllegalStateException(result.failureMessage());
            }
        }
        return null;
    }
}
