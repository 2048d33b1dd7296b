package dev.ferry.signaling.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A control plane for tests: a Jetty server on 127.0.0.1 that records every request (method, path,
 * body) and answers 200, or the statuses scripted for a path. Thread-safe; close it.
 */
public final class CallbackReceiver implements AutoCloseable {

    /** A request as received. */
    public record Received(String method, String path, String body) {
    }

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server, 1, 1);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();

    private CallbackReceiver() {
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                String path = request.getHttpURI().getPath();
                received.add(new Received(request.getMethod(), path, body));
                Deque<Integer> statuses = scripted.get(path);
                Integer status = null;
                if (statuses != null) {
                    synchronized (statuses) {
                        status = statuses.pollFirst();
                    }
                }
                response.setStatus(status == null ? 200 : status);
                response.write(true, null, callback);
                return true;
            }
        });
    }

    public static CallbackReceiver start() {
        CallbackReceiver receiver = new CallbackReceiver();
        try {
            receiver.server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return receiver;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The next requests to {@code path} get {@code statuses}, in order; later ones 200. */
    public void answer(String path, Integer... statuses) {
        scripted.put(path, new ArrayDeque<>(List.of(statuses)));
    }

    /** The requests whose path starts with {@code prefix}, in arrival order. */
    public List<Received> received(String prefix) {
        return received.stream().filter(r -> r.path().startsWith(prefix)).toList();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
