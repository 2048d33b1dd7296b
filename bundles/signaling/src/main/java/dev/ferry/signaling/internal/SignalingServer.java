package dev.ferry.signaling.internal;

import java.net.URI;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The Jetty server that serves the signaling APIs on one host and port. Start once, stop once. */
public final class SignalingServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final String basePath;

    public SignalingServer(String host, int port, String basePath, List<Api> apis) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 2);
        threads.setName("ferry-signaling");
        this.server = new Server(threads);
        this.connector = new ServerConnector(server, 1, 1);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler());
        this.basePath = basePath;
        server.setHandler(new JsonApiHandler(basePath, apis));
    }

    /** Binds the port and starts serving; an {@link IllegalStateException} says why it could not. */
    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start failure is the one to report
            }
            throw new IllegalStateException("signaling: cannot listen on " + connector.getHost() + ":"
                    + connector.getPort() + ": " + e.getMessage() + "; set 'port' in ferry.signaling to a free port", e);
        }
    }

    /** The local port (useful when configured as 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base URI the APIs answer at, e.g. {@code http://127.0.0.1:8282/api}. */
    public URI baseUri() {
        String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + basePath);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("signaling: stopping the server failed", e);
        }
    }
}
