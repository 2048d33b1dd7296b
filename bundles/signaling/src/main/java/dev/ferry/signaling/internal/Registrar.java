package dev.ferry.signaling.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the node with control planes, and again whenever its transfer types change. A change
 * supersedes a registration still being retried (the newest body wins); failures are retried with
 * capped back-off for as long as the node runs, since a control plane may start after the node.
 */
public final class Registrar implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);

    /** Where and how to register; the body is built at send time from the current types. */
    public record Target(String name, String method, URI uri, Supplier<String> body) {
    }

    private final Supplier<HttpClient> client;
    private final ScheduledExecutorService scheduler;
    private final List<Target> targets;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean closed;

    public Registrar(Supplier<HttpClient> client, ScheduledExecutorService scheduler, List<Target> targets,
                     Duration firstDelay, Duration maxDelay) {
        this.client = client;
        this.scheduler = scheduler;
        this.targets = List.copyOf(targets);
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /**
     * Sends every registration soon. Called at start and on each change of transfer types; a burst
     * of changes (bundles starting together) is sent once, after a short pause.
     */
    public void typesChanged() {
        if (targets.isEmpty() || closed) {
            return;
        }
        long gen = generation.incrementAndGet();
        for (Target target : targets) {
            scheduler.schedule(() -> attempt(target, gen, 1), 50, TimeUnit.MILLISECONDS);
        }
    }

    private void attempt(Target target, long gen, int attempt) {
        if (closed || gen != generation.get()) {
            return;
        }
        String body = target.body().get();
        HttpRequest request = HttpRequest.newBuilder(target.uri())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(target.method(), HttpRequest.BodyPublishers.ofString(body))
                .build();
        client.get().sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() / 100 == 2) {
                LOG.info("registered with {} at {}: {}", target.name(), target.uri(), body);
                return;
            }
            String problem = error != null ? String.valueOf(error.getMessage())
                    : "status " + response.statusCode() + " " + abbreviate(response.body());
            long delay = Math.min(firstDelay.toMillis() << Math.min(attempt - 1, 20), maxDelay.toMillis());
            LOG.warn("registration with {} at {} failed ({}); retry in {} ms", target.name(), target.uri(), problem, delay);
            if (!closed) {
                try {
                    scheduler.schedule(() -> attempt(target, gen, attempt + 1), delay, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException ignored) {
                    // the node is stopping
                }
            }
        });
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    @Override
    public void close() {
        closed = true;
    }
}
