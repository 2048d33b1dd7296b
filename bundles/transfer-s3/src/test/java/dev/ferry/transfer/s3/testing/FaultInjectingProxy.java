package dev.ferry.transfer.s3.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An HTTP/1.1 forwarder on 127.0.0.1 in front of an S3 server that answers chosen requests with
 * {@code 503 SlowDown} (what S3 sends when it throttles) and forwards every other one unchanged.
 * It works on the raw bytes rather than as an HTTP client because SigV4 signs the Host header and
 * the aws-chunked body: both must reach the server exactly as the SDK sent them. Each request head
 * is parsed (to record it and pick faults) and its body is copied by Content-Length or chunked
 * framing; responses are copied back as they come. Limitation (fine for tests whose forwarded
 * requests succeed): a forwarded {@code Expect: 100-continue} request the server refuses before
 * the body would stall its connection.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    /** One request as the proxy saw it; {@code faulted} when it was answered 503 SlowDown. */
    public record Request(String method, String path, String query, boolean faulted) {
    }

    static final byte[] SLOW_DOWN = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
            + "<Message>Please reduce your request rate.</Message><RequestId>fault-injecting-proxy</RequestId></Error>")
            .getBytes(StandardCharsets.UTF_8);

    private final ServerSocket server;
    private final URI target;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private Predicate<Request> kind = r -> false;
    private int faultsLeft;

    public FaultInjectingProxy(URI target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** From now on the next {@code count} requests matching {@code kind} get 503 SlowDown; clears the request log. */
    public synchronized void fail(int count, Predicate<Request> kind) {
        this.kind = kind;
        this.faultsLeft = count;
        requests.clear();
    }

    /** Every request matching {@code kind} gets 503 SlowDown. */
    public void failAlways(Predicate<Request> kind) {
        fail(Integer.MAX_VALUE, kind);
    }

    /** The requests seen since the last {@link #fail}, in arrival order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** How many requests matching {@code filter} were seen since the last {@link #fail}. */
    public long count(Predicate<Request> filter) {
        return requests.stream().filter(filter).count();
    }

    private synchronized boolean takeFault(Request request) {
        if (faultsLeft > 0 && kind.test(request)) {
            faultsLeft--;
            return true;
        }
        return false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        Socket upstream = null;
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            for (String head; (head = readHead(in)) != null; ) {
                String[] line = head.substring(0, head.indexOf("\r\n")).split(" ");
                int q = line[1].indexOf('?');
                Request seen = new Request(line[0], q < 0 ? line[1] : line[1].substring(0, q), q < 0 ? "" : line[1].substring(q + 1), false);
                if (takeFault(seen)) {
                    requests.add(new Request(seen.method(), seen.path(), seen.query(), true));
                    if (!"100-continue".equalsIgnoreCase(header(head, "expect"))) {
                        copyBody(head, in, OutputStream.nullOutputStream()); // unread bytes would reset the socket
                    }
                    OutputStream out = client.getOutputStream();
                    out.write(("HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nContent-Length: " + SLOW_DOWN.length
                            + "\r\nx-amz-request-id: fault-injecting-proxy\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    if (!seen.method().equals("HEAD")) {
                        out.write(SLOW_DOWN);
                    }
                    out.flush();
                    return;
                }
                requests.add(seen);
                if (upstream == null) {
                    upstream = new Socket(target.getHost(), target.getPort());
                    Socket from = upstream;
                    Thread.ofVirtual().start(() -> pump(from, client));
                }
                OutputStream out = upstream.getOutputStream();
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                copyBody(head, in, out);
                out.flush();
            }
        } catch (IOException ignored) {
            // a side closed: the connection ends
        } finally {
            if (upstream != null) {
                try {
                    upstream.close();
                } catch (IOException ignored) {
                    // nothing left to do
                }
            }
        }
    }

    /** The request line and headers up to and including the blank line; null at end of stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; (b = in.read()) >= 0; ) {
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static void copyBody(String head, InputStream in, OutputStream out) throws IOException {
        String encoding = header(head, "transfer-encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            while (true) {
                String sizeLine = readLine(in, out);
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    while (!readLine(in, out).isEmpty()) {
                        // trailers up to the blank line
                    }
                    return;
                }
                copy(in, out, size + 2L); // data and its CRLF
            }
        }
        String length = header(head, "content-length");
        copy(in, out, length == null ? 0 : Long.parseLong(length));
    }

    /** Copies one CRLF-terminated line; returns it without the CRLF. */
    private static String readLine(InputStream in, OutputStream out) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) >= 0; ) {
            out.write(b);
            if (b == '\n') {
                return line.toString().stripTrailing();
            }
            line.append((char) b);
        }
        throw new IOException("connection closed inside a chunked body");
    }

    private static void copy(InputStream in, OutputStream out, long count) throws IOException {
        byte[] buffer = new byte[1 << 16];
        for (long left = count; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("connection closed inside a body");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // a side closed: the other ends too
        } finally {
            try {
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
