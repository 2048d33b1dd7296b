package dev.ferry.transfer.http.bench;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.testing.http.HttpTestServer;
import dev.ferry.transfer.http.internal.HttpDataSinkFactory;
import dev.ferry.transfer.http.internal.HttpDataSourceFactory;
import dev.ferry.transfer.http.internal.HttpSettings;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.OutputStreamRequestContent;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Compares HTTP clients for the HttpData pipe, all in one run against the same two Jetty servers: a
 * GET of N bytes from one piped into a chunked POST to the other (which only counts). Not a test:
 * run it by hand (see decision record 0030), e.g. with {@code exec:java -Dexec.classpathScope=test}.
 * Arguments: size in MiB (default 1024), rounds (default 3).
 */
public final class HttpClientThroughputBench {

    private HttpClientThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        long size = (args.length > 0 ? Long.parseLong(args[0]) : 1024) << 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (HttpTestServer origin = HttpTestServer.start(); HttpTestServer destination = HttpTestServer.start()) {
            URI from = origin.uri("/bytes/" + size);
            URI to = destination.uri("/discard/out");
            HttpClient jetty = new HttpClient();
            jetty.start();
            java.net.http.HttpClient jdk = java.net.http.HttpClient.newHttpClient();
            Map<String, Callable<Long>> candidates = new LinkedHashMap<>();
            candidates.put("curl | curl (chunked upload)", () -> curlPipe(from, to));
            candidates.put("Ferry HttpData, HttpURLConnection, 64 KiB", () -> ferry(from, to, 64 * 1024, false));
            candidates.put("Ferry HttpData, HttpURLConnection, 256 KiB", () -> ferry(from, to, 256 * 1024, false));
            candidates.put("Ferry HttpData, HttpURLConnection, 256 KiB, Content-Length", () -> ferry(from, to, 256 * 1024, true));
            candidates.put("Jetty 12 client pipe, 256 KiB", () -> jettyPipe(jetty, from, to, 256 * 1024));
            candidates.put("java.net.http pipe", () -> jdkPipe(jdk, from, to));
            Map<String, List<Double>> results = new LinkedHashMap<>();
            for (int round = 0; round < rounds + 1; round++) {
                for (Map.Entry<String, Callable<Long>> candidate : candidates.entrySet()) {
                    long start = System.nanoTime();
                    long bytes = candidate.getValue().call();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (bytes != size) {
                        throw new IllegalStateException(candidate.getKey() + " moved " + bytes + " of " + size + " bytes");
                    }
                    if (round > 0) { // round 0 warms the JIT and the connection pools
                        results.computeIfAbsent(candidate.getKey(), k -> new ArrayList<>()).add(size / seconds / (1 << 20));
                    }
                }
            }
            jetty.stop();
            System.out.printf("%d MiB GET -> POST on loopback, %d rounds, median MiB/s (all rounds)%n", size >> 20, rounds);
            results.forEach((name, rates) -> {
                List<Double> sorted = rates.stream().sorted().toList();
                System.out.printf("| %s | %.0f | %s |%n", name, sorted.get(sorted.size() / 2),
                        rates.stream().map(r -> String.format("%.0f", r)).toList());
            });
        }
    }

    private static long ferry(URI from, URI to, int bufferSize, boolean contentLength) {
        HttpSettings settings = new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), bufferSize);
        DataFlowStartMessage message = DataFlowStartMessage.push("bench",
                new DataAddress("HttpData", Map.of("baseUrl", from.toString())),
                new DataAddress("HttpData", Map.of("baseUrl", to.toString(), "nonChunkedTransfer", String.valueOf(contentLength))));
        try (DataSource source = new HttpDataSourceFactory(settings, null).createSource(message)) {
            StreamResult<Object> result = new HttpDataSinkFactory(settings, null).createSink(message).transfer(source).join();
            if (result.failed()) {
                throw new IllegalStateException(result.failureMessage());
            }
            return source.openPartStream().content().findFirst().orElseThrow().size();
        }
    }

    private static long curlPipe(URI from, URI to) throws Exception {
        Process process = new ProcessBuilder("sh", "-c",
                "curl -sS -f '" + from + "' | curl -sS -f -X POST -T - -o /dev/null '" + to + "'")
                .inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("curl pipe failed");
        }
        return Long.parseLong(from.getPath().substring("/bytes/".length()));
    }

    private static long jettyPipe(HttpClient client, URI from, URI to, int bufferSize) throws Exception {
        InputStreamResponseListener download = new InputStreamResponseListener();
        client.newRequest(from).send(download);
        Response response = download.get(10, TimeUnit.SECONDS);
        if (response.getStatus() != 200) {
            throw new IllegalStateException("GET " + response.getStatus());
        }
        OutputStreamRequestContent body = new OutputStreamRequestContent();
        Request upload = client.newRequest(to).method(HttpMethod.POST).body(body);
        CompletableFuture<ContentResponse> answer = new CompletableResponseListener(upload).send();
        long bytes = 0;
        byte[] buffer = new byte[bufferSize];
        try (InputStream in = download.getInputStream(); OutputStream out = body.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                bytes += n;
            }
        }
        if (answer.get(60, TimeUnit.SECONDS).getStatus() != 200) {
            throw new IllegalStateException("POST failed");
        }
        return bytes;
    }

    private static long jdkPipe(java.net.http.HttpClient client, URI from, URI to) throws Exception {
        var download = client.send(java.net.http.HttpRequest.newBuilder(from).build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        long[] bytes = {0};
        try (InputStream in = download.body()) {
            InputStream counting = new java.io.FilterInputStream(in) {
                @Override
                public int read(byte[] b, int off, int len) throws java.io.IOException {
                    int n = super.read(b, off, len);
                    bytes[0] += Math.max(n, 0);
                    return n;
                }
            };
            var upload = client.send(java.net.http.HttpRequest.newBuilder(to)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> counting)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            if (upload.statusCode() != 200) {
                throw new IllegalStateException("POST " + upload.statusCode());
            }
        }
        return bytes[0];
    }
}
