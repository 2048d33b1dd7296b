package dev.ferry.bench.http;

import dev.ferry.testing.http.RecordedRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What reached the bench's servers, with the instant it was recorded ({@code System.nanoTime()} of the
 * bench JVM, which also takes the start instants): uploads to {@code /discard/{id}} or {@code /sink/{id}}
 * (recorded once the whole body has been read, i.e. at the last byte) and control-plane callbacks
 * (EDC {@code …/transferprocess/{id}/complete|fail}, DPS {@code …/transfers/{id}/dataflow/completed|errored}).
 * A listener for {@code HttpTestServer.start(port, listener)}; thread-safe.
 */
final class Arrivals implements Consumer<RecordedRequest> {

    private static final Pattern UPLOAD = Pattern.compile("/(?:discard|sink)/([^/]+)");
    private static final Pattern CALLBACK = Pattern.compile(
            ".*/(?:transferprocess/([^/]+)/(complete|fail)|transfers/([^/]+)/dataflow/(completed|errored))");

    /** One recorded request and when it was recorded. */
    record Arrival(long nanos, RecordedRequest request, boolean success) {
    }

    private final Map<String, CompletableFuture<Arrival>> uploads = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Arrival>> callbacks = new ConcurrentHashMap<>();

    @Override
    public void accept(RecordedRequest request) {
        long now = System.nanoTime();
        Matcher callback = CALLBACK.matcher(request.path());
        if (callback.matches()) {
            boolean edc = callback.group(1) != null;
            String id = edc ? callback.group(1) : callback.group(3);
            String action = edc ? callback.group(2) : callback.group(4);
            future(callbacks, id).complete(new Arrival(now, request, action.startsWith("complete")));
            return;
        }
        Matcher upload = UPLOAD.matcher(request.path());
        if (upload.matches()) {
            future(uploads, upload.group(1)).complete(new Arrival(now, request, request.complete()));
        }
    }

    /** The upload of flow {@code id}; blocks until its body has been read. */
    Arrival upload(String id, Duration timeout) throws Exception {
        return await(uploads, id, timeout, "upload");
    }

    /** The completion callback of flow {@code id}; throws when the flow failed (with the callback body). */
    Arrival callback(String id, Duration timeout) throws Exception {
        Arrival arrival = await(callbacks, id, timeout, "callback");
        if (!arrival.success()) {
            throw new IllegalStateException("flow " + id + " failed: " + arrival.request().path() + " " + arrival.request().text());
        }
        return arrival;
    }

    private static Arrival await(Map<String, CompletableFuture<Arrival>> map, String id, Duration timeout, String what)
            throws Exception {
        try {
            return future(map, id).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no " + what + " for flow " + id + " within " + timeout);
        }
    }

    private static CompletableFuture<Arrival> future(Map<String, CompletableFuture<Arrival>> map, String id) {
        return map.computeIfAbsent(id, k -> new CompletableFuture<>());
    }
}
