package dev.ferry.bench.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory figures of a process from Linux's {@code /proc/<pid>/status}, in KiB. */
final class ProcStatus {

    private ProcStatus() {
    }

    /** Resident set size now ({@code VmRSS}); -1 when the process is gone. */
    static long rssKib(long pid) {
        return field(pid, "VmRSS:");
    }

    /** The highest resident set size since the process started ({@code VmHWM}); -1 when it is gone. */
    static long peakRssKib(long pid) {
        return field(pid, "VmHWM:");
    }

    private static long field(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Samples {@link #rssKib} every few milliseconds on a daemon thread until closed, keeping the highest
     * value: the peak while something ran (VmHWM cannot be reset, so it also holds earlier peaks).
     */
    static final class Sampler implements AutoCloseable {
        private final Thread thread;
        private volatile long max = -1;
        private volatile boolean running = true;

        Sampler(long pid) {
            thread = Thread.ofPlatform().daemon().name("rss-sampler").start(() -> {
                while (running) {
                    max = Math.max(max, rssKib(pid));
                    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
                }
            });
        }

        /** The highest RSS seen so far, KiB. */
        long maxKib() {
            return max;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
