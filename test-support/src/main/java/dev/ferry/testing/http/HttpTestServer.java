package dev.ferry.testing.http;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A real Jetty 12 HTTP server on 127.0.0.1 (a free port) for tests and benchmarks. Endpoints:
 * <ul>
 *   <li>{@code GET /bytes/{n}[/name…]}: {@code n} bytes of {@link TestContent} with a Content-Length;
 *       {@code ?chunked=true} sends them chunked instead; {@code ?type=<media type>} sets Content-Type
 *       (default {@code application/octet-stream}); honours {@code Range: bytes=a-b} with 206;
 *       {@code ?truncate=k} sends only {@code k} bytes, then drops the connection (a server dying mid-body).</li>
 *   <li>{@code GET /slow/{n}[/name…]}: the same bytes, chunked, trickled 1 KiB at a time with a pause, so
 *       a client can be cancelled mid-transfer; {@link #abortedResponses()} counts clients that left.</li>
 *   <li>{@code POST|PUT /sink/…}: reads the body, hashes it (SHA-256) and records it;
 *       {@code /discard/…} only counts (for throughput runs, where hashing would be the bottleneck).
 *       Both answer 200 with an empty body. A {@code /sink} body of at most 64 KiB is also kept as
 *       text ({@link RecordedRequest#text()}), e.g. to check a JSON callback.</li>
 *   <li>{@code ANY /stall/…}: recorded on arrival, then reads nothing until the server closes (or 60 s):
 *       an upload to it blocks in a socket write once the buffers are full.</li>
 *   <li>{@code ANY /status/{code}[/…]}: drains the request body, then answers {@code code};
 *       {@code ?drain=false} answers at once, leaving the body unread (a server that refuses early).</li>
 *   <li>paths given to {@link #answer(String, int...)}: the scripted statuses, before any of the above.</li>
 *   <li>anything else: 404.</li>
 * </ul>
 * Every request is recorded ({@link #requests()}), uploads once their body has been read.
 * Thread-safe. Close it to stop the server.
 */
public final class HttpTestServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger abortedResponses = new AtomicInteger();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final CountDownLatch stopping = new CountDownLatch(1);

    private final boolean tls;

    private HttpTestServer(int port, Consumer<RecordedRequest> listener, boolean tls) {
        this.tls = tls;
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("http-test-server");
        server = new Server(threads);
        // No graceful stop: a test ends with transfers it aborted on purpose still winding down.
        server.setStopTimeout(0);
        if (tls) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(TestCertificate.keyStore().toString());
            ssl.setKeyStorePassword(TestCertificate.PASSWORD);
            ssl.setKeyStoreType("PKCS12");
            connector = new ServerConnector(server, 1, 1, ssl);
        } else {
            connector = new ServerConnector(server, 1, 1);
        }
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new TestHandler(request -> {
            requests.add(request);
            listener.accept(request);
        }, abortedResponses::incrementAndGet, this::nextScriptedStatus, stopping));
    }

    /** Starts a server on a free loopback port; blocks until it listens. */
    public static HttpTestServer start() {
        return start(0, request -> { });
    }

    /**
     * Starts a server on {@code port} (0: a free one) that also hands every recorded request to
     * {@code listener} (on a server thread); blocks until it listens.
     */
    public static HttpTestServer start(int port, Consumer<RecordedRequest> listener) {
        return start(new HttpTestServer(port, listener, false));
    }

    /**
     * Starts an HTTPS server on a free loopback port with a self-signed certificate for 127.0.0.1
     * ({@link TestCertificate}); clients trust it through {@link TestCertificate#trustingContext()}.
     */
    public static HttpTestServer startTls() {
        return start(new HttpTestServer(0, request -> { }, true));
    }

    private static HttpTestServer start(HttpTestServer testServer) {
        try {
            testServer.server.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the HTTP test server", e);
        }
        return testServer;
    }

    /** The port the server listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>} ({@code https} for {@link #startTls()}), without a trailing slash. */
    public String baseUrl() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port();
    }

    /** {@link #baseUrl()} plus {@code path} (which starts with {@code /}). */
    public URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    /** Every request received so far, in arrival order; a live, thread-safe view. */
    public List<RecordedRequest> requests() {
        return requests;
    }

    /** The requests whose path starts with {@code prefix}, in arrival order; a snapshot. */
    public List<RecordedRequest> requests(String prefix) {
        return requests.stream().filter(r -> r.path().startsWith(prefix)).toList();
    }

    /**
     * Answers requests whose path starts with {@code pathPrefix} with {@code statuses} in turn, the last
     * one repeating (e.g. {@code 409, 409, 200} for a control plane that is not ready at first); the
     * body is drained and recorded with its text. Replaces an earlier script for the same prefix;
     * the longest matching prefix wins.
     */
    public void answer(String pathPrefix, int... statuses) {
        if (statuses.length == 0) {
            throw new IllegalArgumentException("statuses: give at least one");
        }
        Deque<Integer> queue = new ArrayDeque<>();
        for (int status : statuses) {
            queue.add(status);
        }
        scripts.put(pathPrefix, queue);
    }

    private Integer nextScriptedStatus(String path) {
        String prefix = scripts.keySet().stream().filter(path::startsWith).max(Comparator.comparingInt(String::length)).orElse(null);
        if (prefix == null) {
            return null;
        }
        Deque<Integer> queue = scripts.get(prefix);
        synchronized (queue) {
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }
    }

    /** How many {@code /slow} responses ended because the client went away. */
    public int abortedResponses() {
        return abortedResponses.get();
    }

    /** Forgets recorded requests, counters and scripted answers. */
    public void reset() {
        requests.clear();
        scripts.clear();
        abortedResponses.set(0);
    }

    /**
     * Runs a server as its own process (for benchmarks and manual checks against a launched node):
     * {@code java -cp … dev.ferry.testing.http.HttpTestServer [port]}; prints its URL, then one line
     * per request; stops when the process is killed.
     */
    public static void main(String[] args) throws InterruptedException {
        HttpTestServer server = start(args.length > 0 ? Integer.parseInt(args[0]) : 0, request -> System.out.println(
                request.method() + " " + request.path() + " bytes=" + request.bytes() + " complete=" + request.complete()
                        + (request.sha256() == null ? "" : " sha256=" + request.sha256())));
        System.out.println("HttpTestServer listening on " + server.baseUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
    }

    @Override
    public void close() {
        stopping.countDown();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the HTTP test server", e);
        }
    }
}
