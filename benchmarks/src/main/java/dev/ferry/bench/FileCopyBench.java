package dev.ferry.bench;

import dev.ferry.core.Ferry;
import dev.ferry.core.FerryOptions;
import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.FlowState;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * File→File of one file through an embedded Ferry, against {@code cp} on the same file in the same
 * run, alternating so both see the same page cache and machine noise.
 * Usage: {@code FileCopyBench <dir> [sizeMiB] [rounds]}; the dir must be an allowed File root
 * (system property {@code ferry.file.allowedRoots}).
 */
public final class FileCopyBench {

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        long size = (args.length > 1 ? Long.parseLong(args[1]) : 1024) << 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path input = dir.resolve("bench-input.bin");
        if (!Files.exists(input) || Files.size(input) != size) {
            writeRandom(input, size);
        }
        Stats cp = new Stats();
        Stats ferry = new Stats();
        try (Ferry node = Ferry.embedded(new FerryOptions(10, 1))) {
            for (int round = 0; round < rounds; round++) {
                cp.add(mibPerSecond(size, timeCp(input, dir.resolve("cp-out.bin"))));
                ferry.add(mibPerSecond(size, timeFerry(node, input, dir.resolve("ferry-out.bin"), round)));
            }
        }
        System.out.printf("File->File %d MiB%n  cp:    %s%n  Ferry: %s%n  ratio Ferry/cp (medians): %.2f%n",
                size >> 20, cp.describe("MiB/s"), ferry.describe("MiB/s"), ferry.median() / cp.median());
        Files.deleteIfExists(dir.resolve("cp-out.bin"));
        Files.deleteIfExists(dir.resolve("ferry-out.bin"));
    }

    private static long timeCp(Path input, Path output) throws IOException, InterruptedException {
        Files.deleteIfExists(output);
        long start = System.nanoTime();
        int exit = new ProcessBuilder("cp", input.toString(), output.toString()).inheritIO().start().waitFor();
        long elapsed = System.nanoTime() - start;
        if (exit != 0) {
            throw new IllegalStateException("cp failed with " + exit);
        }
        return elapsed;
    }

    private static long timeFerry(Ferry node, Path input, Path output, int round) throws IOException {
        Files.deleteIfExists(output);
        String id = "bench-" + round;
        long start = System.nanoTime();
        var started = node.manager().start(DataFlowStartMessage.push(id,
                new DataAddress("File", Map.of("path", input.toString())),
                new DataAddress("File", Map.of("path", output.toString()))));
        if (started.failed()) {
            throw new IllegalStateException(started.failureMessage());
        }
        DataFlow flow;
        while (!(flow = node.manager().flow(id).orElseThrow()).state().isTerminal()) {
            LockSupport.parkNanos(200_000); // polling granularity 0.2 ms, negligible against the copy
        }
        long elapsed = System.nanoTime() - start;
        if (flow.state() != FlowState.COMPLETED) {
            throw new IllegalStateException("flow failed: " + flow.failureReason());
        }
        return elapsed;
    }

    static double mibPerSecond(long bytes, long nanos) {
        return (bytes / 1048576.0) / (nanos / 1e9);
    }

    private static void writeRandom(Path file, long size) throws IOException {
        Random random = new Random(42);
        byte[] buffer = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= buffer.length) {
                random.nextBytes(buffer);
                out.write(buffer, 0, (int) Math.min(left, buffer.length));
            }
        }
    }
}
