package dev.ferry.testing.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

/** The endpoints of {@link HttpTestServer}; blocking I/O on Jetty's threads (fine for a test server). */
final class TestHandler extends Handler.Abstract {

    private final Consumer<RecordedRequest> recorder;
    private final Runnable onAbortedResponse;
    private final Function<String, Integer> scriptedStatus;
    private final CountDownLatch stopping;

    TestHandler(Consumer<RecordedRequest> recorder, Runnable onAbortedResponse, Function<String, Integer> scriptedStatus,
                CountDownLatch stopping) {
        super(InvocationType.BLOCKING);
        this.recorder = recorder;
        this.onAbortedResponse = onAbortedResponse;
        this.scriptedStatus = scriptedStatus;
        this.stopping = stopping;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = URIUtil.decodePath(Request.getPathInContext(request));
        String[] segments = path.substring(1).split("/");
        String method = request.getMethod();
        Integer scripted = scriptedStatus.apply(path);
        if (scripted != null) {
            drain(request, path);
            response.setStatus(scripted);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
            response.write(true, null, callback);
            return true;
        }
        switch (segments[0]) {
            case "bytes" -> {
                record(request, path, 0, null, true, null);
                ContentResponses.send(request, response, callback, size(segments), false, onAbortedResponse);
            }
            case "slow" -> {
                record(request, path, 0, null, true, null);
                ContentResponses.send(request, response, callback, size(segments), true, onAbortedResponse);
            }
            case "sink", "discard" -> {
                if (!method.equals("POST") && !method.equals("PUT")) {
                    record(request, path, 0, null, true, null);
                    Response.writeError(request, response, callback, 405);
                } else {
                    receive(request, response, callback, path, segments[0].equals("sink"));
                }
            }
            case "status" -> {
                if ("false".equals(Request.extractQueryParameters(request).getValue("drain"))) {
                    record(request, path, 0, null, true, null);
                } else {
                    drain(request, path);
                }
                int status = Integer.parseInt(segments[1]);
                response.setStatus(status);
                Content.Sink.write(response, true, "status " + status + "\n", callback);
            }
            case "stall" -> {
                // Reads nothing, so an upload fills the socket buffers and its writer blocks.
                record(request, path, 0, null, false, null);
                if (!stopping.await(60, TimeUnit.SECONDS)) {
                    Response.writeError(request, response, callback, 503);
                } else {
                    callback.failed(new IOException("server stopping"));
                }
            }
            default -> {
                record(request, path, 0, null, true, null);
                Response.writeError(request, response, callback, 404);
            }
        }
        return true;
    }

    private void receive(Request request, Response response, Callback callback, String path, boolean hash) {
        MessageDigest digest = hash ? TestContent.newSha256() : null;
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Content.Source.asInputStream(request)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes += n;
                if (digest != null) {
                    digest.update(buffer, 0, n);
                    keepHead(head, buffer, n);
                }
            }
        } catch (IOException | RuntimeException e) {
            record(request, path, bytes, null, false, null);
            callback.failed(e);
            return;
        }
        record(request, path, bytes, digest == null ? null : HexFormat.of().formatHex(digest.digest()), true, text(head, bytes));
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
        response.write(true, null, callback);
    }

    private void drain(Request request, String path) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Content.Source.asInputStream(request)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes += n;
                keepHead(head, buffer, n);
            }
        }
        record(request, path, bytes, null, true, text(head, bytes));
    }

    private static void keepHead(ByteArrayOutputStream head, byte[] buffer, int n) {
        head.write(buffer, 0, Math.min(n, RecordedRequest.MAX_TEXT - head.size()));
    }

    private static String text(ByteArrayOutputStream head, long bytes) {
        return bytes <= RecordedRequest.MAX_TEXT ? head.toString(StandardCharsets.UTF_8) : null;
    }

    private void record(Request request, String path, long bytes, String sha256, boolean complete, String text) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(field.getValue());
        }
        recorder.accept(new RecordedRequest(request.getMethod(), path, request.getHttpURI().getQuery(), headers,
                bytes, sha256, complete, text));
    }

    private static long size(String[] segments) {
        return segments.length > 1 ? Long.parseLong(segments[1]) : 0;
    }
}
