package dev.ferry.bench.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Ferry node started as a child process with its distribution's {@code bin/ferry} (JVM options in
 * {@code FERRY_OPTS}), its console copied to {@code node.log} in its home. {@code bin/ferry} ends in
 * {@code exec java}, so the child's pid is the node JVM's.
 */
final class NodeProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Ferry ready in (\\d+) ms");

    private final Process process;
    private final long startedNanos;
    private final CompletableFuture<Ready> ready = new CompletableFuture<>();

    /**
     * @param launchedNanos   {@code System.nanoTime()} just before the process was started
     * @param readyNanos      when the bench read the ready line
     * @param reportedMillis  the node's own figure ("Ferry ready in … ms", from bin/ferry's start)
     */
    record Ready(long launchedNanos, long readyNanos, long reportedMillis) {
        double millis() {
            return (readyNanos - launchedNanos) / 1e6;
        }
    }

    /** Stops the node if the bench ends without closing it (an exception, Ctrl-C). */
    private final Thread killer;

    private NodeProcess(Process process, long startedNanos, Path log) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.killer = new Thread(process::destroyForcibly, "node-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        Thread.ofPlatform().daemon().name("node-console").start(() -> copyConsole(log));
    }

    /** Starts {@code home/bin/ferry} with {@code ferryOpts} as FERRY_OPTS; returns at once. */
    static NodeProcess start(Path home, String ferryOpts) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/ferry").toString()).redirectErrorStream(true);
        builder.environment().put("FERRY_OPTS", ferryOpts == null ? "" : ferryOpts);
        builder.environment().remove("JAVA_TOOL_OPTIONS"); // it would print a line and change the JVM
        long started = System.nanoTime();
        Process process = builder.start();
        return new NodeProcess(process, started, home.resolve("node.log"));
    }

    private void copyConsole(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            for (String line; (line = in.readLine()) != null; ) {
                long now = System.nanoTime();
                out.println(line);
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    ready.complete(new Ready(startedNanos, now, Long.parseLong(m.group(1))));
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("the node exited before it was ready; see " + log));
    }

    /** Blocks until the node printed its ready line. */
    Ready awaitReady(Duration timeout) throws Exception {
        try {
            return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the node printed no ready line within " + timeout);
        }
    }

    /**
     * Blocks until {@code client}'s check answers 200, polling every 2 ms; returns when that happened
     * ({@code System.nanoTime()}).
     */
    long awaitApi(SignalingClient client, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (client.check() == 200) {
                return System.nanoTime();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the node exited before its signaling API answered");
            }
            LockSupport.parkNanos(2_000_000);
        }
        throw new IllegalStateException("the signaling API did not answer within " + timeout);
    }

    long launchedNanos() {
        return startedNanos;
    }

    long pid() {
        return process.pid();
    }

    /** Stops the node (SIGTERM: its shutdown hook stops the framework), forcibly after 15 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already; the hook finds the process gone
        }
    }
}
