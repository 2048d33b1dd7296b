package dev.ferry.testing.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test server's own contract, so tests built on it can trust it. */
class HttpTestServerTest {

    private static HttpTestServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = HttpTestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void bytesAreTheDeterministicContentWithLengthAndRanges() throws Exception {
        HttpResponse<byte[]> whole = get("/bytes/200000");
        assertThat(whole.headers().firstValue("Content-Length")).hasValue("200000");
        assertThat(whole.body()).isEqualTo(TestContent.stream(200_000).readAllBytes());
        HttpResponse<byte[]> range = CLIENT.send(HttpRequest.newBuilder(server.uri("/bytes/200000")).header("Range", "bytes=100-199").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(whole.body(), 100, 200));
    }

    @Test
    void sinkRecordsSizeChecksumAndText() throws Exception {
        server.reset();
        assertThat(post("/sink/a", "hello").statusCode()).isEqualTo(200);
        RecordedRequest recorded = server.requests("/sink/a").get(0);
        assertThat(recorded.bytes()).isEqualTo(5);
        assertThat(recorded.text()).isEqualTo("hello");
        assertThat(recorded.complete()).isTrue();
        assertThat(recorded.sha256()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    }

    @Test
    void tlsServerIsTrustedByTheTestContextOnly() throws Exception {
        try (HttpTestServer tls = HttpTestServer.startTls()) {
            assertThat(tls.baseUrl()).startsWith("https://127.0.0.1:");
            HttpClient trusting = HttpClient.newBuilder().sslContext(TestCertificate.trustingContext()).build();
            assertThat(trusting.send(HttpRequest.newBuilder(tls.uri("/bytes/10")).build(), HttpResponse.BodyHandlers.ofByteArray())
                    .body()).hasSize(10);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CLIENT.send(HttpRequest.newBuilder(tls.uri("/bytes/10")).build(),
                    HttpResponse.BodyHandlers.discarding())).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        }
    }

    @Test
    void scriptedAnswersComeInTurnAndTheLastRepeats() throws Exception {
        server.reset();
        server.answer("/cp/", 409, 503, 204);
        assertThat(post("/cp/transferprocess/1/complete", "{}").statusCode()).isEqualTo(409);
        assertThat(post("/cp/transferprocess/1/complete", "{}").statusCode()).isEqualTo(503);
        assertThat(post("/cp/transferprocess/1/complete", "{}").statusCode()).isEqualTo(204);
        assertThat(post("/cp/transferprocess/1/complete", "{\"a\":1}").statusCode()).isEqualTo(204);
        assertThat(server.requests("/cp/")).hasSize(4).last().extracting(RecordedRequest::text).isEqualTo("{\"a\":1}");
        assertThat(get("/other").statusCode()).isEqualTo(404);
    }
}
