package dev.ferry.bench.http;

import dev.ferry.testing.http.TestContent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs HttpData→HttpData PUSH flows through a node's signaling API between the bench's source server
 * ({@code /bytes/{n}}) and sink server, and times them from just before the start request.
 */
final class FlowRunner {

    enum Protocol { EDC, DPS }

    /** Instants ({@code System.nanoTime()}) of one flow. */
    record Timing(long startNanos, long answeredNanos, long lastByteNanos, long callbackNanos) {
        double toLastByteMillis() {
            return (lastByteNanos - startNanos) / 1e6;
        }

        double toCallbackMillis() {
            return (callbackNanos - startNanos) / 1e6;
        }
    }

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final SignalingClient client;
    private final Arrivals arrivals;
    private final String sourceBase;
    private final String sinkBase;
    private final String edcCallback;

    FlowRunner(SignalingClient client, Arrivals arrivals, String sourceBase, String sinkBase, String edcCallback) {
        this.client = client;
        this.arrivals = arrivals;
        this.sourceBase = sourceBase;
        this.sinkBase = sinkBase;
        this.edcCallback = edcCallback;
    }

    /**
     * One flow of {@code size} bytes, waited for until its completion callback; {@code verify} sends it to
     * the hashing {@code /sink} and checks the SHA-256, else to the counting {@code /discard}.
     */
    Timing run(Protocol protocol, long size, boolean verify) throws Exception {
        String id = start(protocol, size, verify);
        long answered = System.nanoTime();
        Arrivals.Arrival upload = arrivals.upload(id, TIMEOUT);
        Arrivals.Arrival callback = arrivals.callback(id, TIMEOUT);
        check(id, size, verify, upload);
        return new Timing(startOf(id), answered, upload.nanos(), callback.nanos());
    }

    /**
     * {@code count} flows of {@code size} bytes started back to back (each start request answered before
     * the next is sent), then waited for; returns the instants of the first start, the last byte at the
     * sink and the last callback.
     */
    Timing batch(Protocol protocol, int count, long size) throws Exception {
        List<String> ids = new ArrayList<>();
        long first = System.nanoTime();
        for (int i = 0; i < count; i++) {
            ids.add(start(protocol, size, false));
        }
        return awaitAll(ids, size, first, System.nanoTime());
    }

    /** Waits for every flow's upload and callback; the timing runs from {@code first}. */
    private Timing awaitAll(List<String> ids, long size, long first, long answered) throws Exception {
        long lastByte = 0;
        long lastCallback = 0;
        for (String id : ids) {
            starts.remove(id);
            Arrivals.Arrival upload = arrivals.upload(id, TIMEOUT);
            check(id, size, false, upload);
            lastByte = Math.max(lastByte, upload.nanos());
            lastCallback = Math.max(lastCallback, arrivals.callback(id, TIMEOUT).nanos());
        }
        return new Timing(first, answered, lastByte, lastCallback);
    }

    /**
     * Like {@link #batch} but with the start requests sent by {@code threads} client threads at once, as a
     * control plane with several state-machine threads does.
     */
    Timing concurrentBatch(Protocol protocol, int count, long size, int threads) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<String>> started = new ArrayList<>();
            long first = System.nanoTime();
            for (int i = 0; i < count; i++) {
                started.add(pool.submit(() -> start(protocol, size, false)));
            }
            List<String> ids = new ArrayList<>();
            for (java.util.concurrent.Future<String> id : started) {
                ids.add(id.get());
            }
            return awaitAll(ids, size, first, System.nanoTime());
        } finally {
            pool.shutdown();
        }
    }

    private final java.util.Map<String, Long> starts = new java.util.concurrent.ConcurrentHashMap<>();

    private String start(Protocol protocol, long size, boolean verify) throws Exception {
        String id = "bench-" + protocol.name().toLowerCase() + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
        String source = sourceBase + "/bytes/" + size + "/" + id;
        String sink = sinkBase + (verify ? "/sink/" : "/discard/") + id;
        starts.put(id, System.nanoTime());
        switch (protocol) {
            case EDC -> client.startEdc(id, source, sink, edcCallback);
            case DPS -> client.startDps(id, source, sink);
        }
        return id;
    }

    private long startOf(String id) {
        return starts.remove(id);
    }

    private static void check(String id, long size, boolean verify, Arrivals.Arrival upload) {
        var request = upload.request();
        if (!request.complete() || request.bytes() != size) {
            throw new IllegalStateException("flow " + id + ": the sink got " + request.bytes() + " of " + size
                    + " bytes (complete=" + request.complete() + ")");
        }
        if (verify && !TestContent.sha256(size).equals(request.sha256())) {
            throw new IllegalStateException("flow " + id + ": SHA-256 at the sink differs from the source's");
        }
    }
}
