package dev.ferry.transfer.file.internal;

import dev.ferry.core.Ferry;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.FlowState;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.Part;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Copies one file with {@code cp} and with the File sink, alternating, and prints medians and the
 * ratio to cp. Not a test (no assertions on time): run by hand,
 * {@code java -cp <test classpath> dev.ferry.transfer.file.internal.FileCopyBenchmark <dir> [MiB] [rounds]}.
 * Targets are deleted between rounds outside the timing; the source stays in the page cache.
 */
public final class FileCopyBenchmark {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir")).toAbsolutePath();
        int mib = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path src = dir.resolve("ferry-bench-src.bin");
        writeRandom(src, mib);
        Path dst = dir.resolve("ferry-bench-dst.bin");
        AllowedRoots roots = AllowedRoots.of(List.of(dir.toString()), "benchmark");
        var message = DataFlowStartMessage.push("bench", Messages.file(src), Messages.file(dst));
        var sources = new FileDataSourceFactory(roots);
        var sinks = new FileDataSinkFactory(roots);

        Map<String, Supplier<Double>> runs = new LinkedHashMap<>();
        runs.put("cp", () -> time(() -> {
            Process p = new ProcessBuilder("cp", src.toString(), dst.toString()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("cp failed");
            }
        }));
        runs.put("ferry sink (transferTo)", () -> time(() -> check(sinks.createSink(message).transfer(sources.createSource(message)).join())));
        runs.put("ferry sink (1 MiB buffer)", () -> time(() -> check(sinks.createSink(message)
                .transfer(opaque(sources.createSource(message))).join())));
        try (Ferry ferry = Ferry.embedded(dev.ferry.core.FerryOptions.defaults(), FileCopyBenchmark.class.getClassLoader())) {
            ferry.pipeline().registerFactory(sources);
            ferry.pipeline().registerFactory(sinks);
            int[] id = {0};
            Map<String, java.util.concurrent.CompletableFuture<DataFlow>> ended = new java.util.concurrent.ConcurrentHashMap<>();
            ferry.addListener((flow, previous) -> {
                if (flow.state().isTerminal()) {
                    ended.computeIfAbsent(flow.id(), k -> new java.util.concurrent.CompletableFuture<>()).complete(flow);
                }
            });
            runs.put("ferry embedded flow", () -> time(() -> {
                String pid = "bench-" + id[0]++;
                var end = ended.computeIfAbsent(pid, k -> new java.util.concurrent.CompletableFuture<>());
                ferry.manager().start(DataFlowStartMessage.push(pid, Messages.file(src), Messages.file(dst)));
                DataFlow flow = end.get();
                if (flow.state() != FlowState.COMPLETED) {
                    throw new IOException("flow ended " + flow.state() + ": " + flow.failureReason());
                }
            }));
            Map<String, double[]> times = new LinkedHashMap<>();
            runs.keySet().forEach(k -> times.put(k, new double[rounds]));
            for (int round = 0; round < rounds; round++) {
                for (var run : runs.entrySet()) {
                    Files.deleteIfExists(dst);
                    times.get(run.getKey())[round] = run.getValue().get();
                }
            }
            Files.deleteIfExists(dst);
            double cp = median(times.get("cp"));
            System.out.printf("%d MiB, %d rounds, medians:%n", mib, rounds);
            for (var t : times.entrySet()) {
                double m = median(t.getValue());
                System.out.printf("  %-28s %7.3f s  %6.2f GiB/s  %5.2fx cp  all=%s%n", t.getKey(), m, mib / 1024.0 / m, m / cp,
                        Arrays.toString(Arrays.stream(t.getValue()).map(v -> Math.round(v * 1000) / 1000.0).toArray()));
            }
        } finally {
            Files.deleteIfExists(src);
        }
    }

    interface Action {
        void run() throws Exception;
    }

    private static double time(Action action) {
        long start = System.nanoTime();
        try {
            action.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void check(StreamResult<Object> result) throws IOException {
        if (result.failed()) {
            throw new IOException(result.failure().toString());
        }
    }

    /** The same source with streams that are not FileInputStreams, forcing the buffered copy. */
    private static DataSource opaque(DataSource source) {
        return () -> source.openPartStream().map(parts -> parts.map(part -> new Part() {
            @Override
            public String name() {
                return part.name();
            }

            @Override
            public long size() {
                return part.size();
            }

            @Override
            public InputStream openStream() throws IOException {
                return new FilterInputStream(part.openStream()) {
                };
            }
        }));
    }

    private static void writeRandom(Path file, int mib) throws IOException {
        byte[] block = new byte[1 << 20];
        Random random = new Random(1);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mib; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
    }

    private static double median(double[] values) {
        List<Double> sorted = new ArrayList<>(Arrays.stream(values).boxed().sorted().toList());
        return sorted.get(sorted.size() / 2);
    }
}
