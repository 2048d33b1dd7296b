package dev.ferry.transfer.s3.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP forwarder on 127.0.0.1 in front of a server that counts the bytes passing each way: how a
 * test proves that no object bytes went through the node (server-side copy).
 */
public final class CountingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final URI target;
    private final AtomicLong toServer = new AtomicLong();
    private final AtomicLong fromServer = new AtomicLong();

    public CountingProxy(URI target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Bytes sent by clients towards the server plus bytes sent back. */
    public long totalBytes() {
        return toServer.get() + fromServer.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getHost(), target.getPort());
                Thread.ofVirtual().start(() -> pump(client, upstream, toServer));
                Thread.ofVirtual().start(() -> pump(upstream, client, fromServer));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to, AtomicLong counter) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                counter.addAndGet(n);
            }
        } catch (IOException ignored) {
            // a side closed: the other pump ends too
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
