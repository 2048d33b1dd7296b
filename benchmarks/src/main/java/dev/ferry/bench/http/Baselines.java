package dev.ferry.bench.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/** The same bytes moved without a node: {@code curl | curl}, and a plain Java copy in the bench JVM. */
final class Baselines {

    private Baselines() {
    }

    /**
     * {@code curl -s src | curl -s -T - dst} (a streamed, chunked PUT); returns the elapsed nanoseconds
     * including both curl processes' start. An https source is read with {@code -k} (the bench's
     * self-signed test certificate).
     */
    static long curlPipe(String sourceUrl, String sinkUrl) throws IOException, InterruptedException {
        String command = "curl -sfSk '" + sourceUrl + "' | curl -sfS -o /dev/null -T - '" + sinkUrl + "'";
        long start = System.nanoTime();
        Process process = new ProcessBuilder("bash", "-o", "pipefail", "-c", command).inheritIO().start();
        int exit = process.waitFor();
        long elapsed = System.nanoTime() - start;
        if (exit != 0) {
            throw new IllegalStateException("curl pipe failed with exit code " + exit + ": " + command);
        }
        return elapsed;
    }

    /**
     * GET {@code sourceUrl} and stream it as a chunked PUT to {@code sinkUrl} with HttpURLConnection and a
     * 256 KiB buffer (what the HttpData sink does, minus the node); blocking, keep-alive.
     */
    static void javaCopy(String sourceUrl, String sinkUrl) throws IOException {
        HttpURLConnection get = (HttpURLConnection) URI.create(sourceUrl).toURL().openConnection();
        HttpURLConnection put = (HttpURLConnection) URI.create(sinkUrl).toURL().openConnection();
        put.setRequestMethod("PUT");
        put.setDoOutput(true);
        put.setChunkedStreamingMode(256 * 1024);
        byte[] buffer = new byte[256 * 1024];
        try (InputStream in = get.getInputStream(); OutputStream out = put.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        }
        int status = put.getResponseCode();
        try (InputStream answer = status < 400 ? put.getInputStream() : put.getErrorStream()) {
            if (answer != null) {
                answer.readAllBytes();
            }
        }
        if (status / 100 != 2) {
            throw new IOException("PUT " + sinkUrl + " answered " + status);
        }
    }
}
