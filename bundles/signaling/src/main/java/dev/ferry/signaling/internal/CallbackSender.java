package dev.ferry.signaling.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.function.Supplier;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers callbacks to control planes: in order per flow, retried with exponential back-off while
 * the control plane is unreachable or answers 409 (it has not recorded the start yet), 429 or 5xx.
 * A callback is dropped only when it is refused with another 4xx or is older than the maximum age;
 * both are logged. Thread-safe; {@link #send} never blocks.
 */
public final class CallbackSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackSender.class);

    /** One HTTP call to a control plane; {@code body} null sends an empty body. */
    public record Callback(String flowId, String description, URI uri, String body) {
    }

    private static final class Pending {
        final Callback callback;
        final Instant created;
        int attempts;

        Pending(Callback callback, Instant created) {
            this.callback = callback;
            this.created = created;
        }
    }

    private final Supplier<HttpClient> client;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration maxAge;
    private final Map<String, Deque<Pending>> queues = new HashMap<>();

    public CallbackSender(Supplier<HttpClient> client, ScheduledExecutorService scheduler, Clock clock,
                          Duration firstDelay, Duration maxDelay, Duration maxAge) {
        this.client = client;
        this.scheduler = scheduler;
        this.clock = clock;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.maxAge = maxAge;
    }

    /** Queues {@code callback} behind the earlier callbacks of the same flow. Non-blocking. */
    public void send(Callback callback) {
        Pending pending = new Pending(callback, clock.instant());
        boolean first;
        synchronized (queues) {
            Deque<Pending> queue = queues.computeIfAbsent(callback.flowId(), k -> new ArrayDeque<>());
            queue.addLast(pending);
            first = queue.size() == 1;
        }
        if (first) {
            attempt(pending);
        }
    }

    /** Callbacks not yet delivered (for tests and shutdown logs). */
    public int pending() {
        synchronized (queues) {
            return queues.values().stream().mapToInt(Deque::size).sum();
        }
    }

    private void attempt(Pending pending) {
        Callback cb = pending.callback;
        pending.attempts++;
        HttpRequest request = HttpRequest.newBuilder(cb.uri())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(cb.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(cb.body()))
                .build();
        try {
            client.get().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> outcome(pending, response == null ? -1 : response.statusCode(), error));
        } catch (RuntimeException e) {
            outcome(pending, -1, e);
        }
    }

    private void outcome(Pending pending, int status, Throwable error) {
        Callback cb = pending.callback;
        if (error == null && status >= 200 && status < 300) {
            LOG.debug("flow {}: {} callback delivered to {}", cb.flowId(), cb.description(), cb.uri());
            next(pending);
            return;
        }
        boolean retryable = error != null || status == 409 || status == 429 || status >= 500;
        String problem = error != null ? String.valueOf(error.getMessage()) : "status " + status;
        if (!retryable) {
            LOG.error("flow {}: {} callback to {} refused with {}; not retried", cb.flowId(), cb.description(), cb.uri(), problem);
            next(pending);
            return;
        }
        Duration age = Duration.between(pending.created, clock.instant());
        if (age.compareTo(maxAge) > 0) {
            LOG.error("flow {}: {} callback to {} given up after {} attempts over {} (last: {})",
                    cb.flowId(), cb.description(), cb.uri(), pending.attempts, age, problem);
            next(pending);
            return;
        }
        long delay = delayMillis(pending.attempts);
        LOG.warn("flow {}: {} callback to {} failed ({}); retry {} in {} ms",
                cb.flowId(), cb.description(), cb.uri(), problem, pending.attempts, delay);
        try {
            scheduler.schedule(() -> attempt(pending), delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.error("flow {}: {} callback to {} not delivered: the node is stopping", cb.flowId(), cb.description(), cb.uri());
        }
    }

    long delayMillis(int attempts) {
        long delay = firstDelay.toMillis() << Math.min(attempts - 1, 20);
        return Math.min(delay, maxDelay.toMillis());
    }

    private void next(Pending done) {
        Pending next;
        synchronized (queues) {
            Deque<Pending> queue = queues.get(done.callback.flowId());
            queue.pollFirst();
            next = queue.peekFirst();
            if (next == null) {
                queues.remove(done.callback.flowId());
            }
        }
        if (next != null) {
            attempt(next);
        }
    }

    @Override
    public void close() {
        int left = pending();
        if (left > 0) {
            LOG.warn("signaling stops with {} callbacks not yet delivered", left);
        }
    }
}
