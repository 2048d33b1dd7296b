package dev.ferry.transfer.http.internal;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.Part;
import dev.ferry.testing.http.HttpTestServer;
import dev.ferry.testing.http.RecordedRequest;
import dev.ferry.testing.http.TestContent;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HttpData → HttpData through real Jetty servers on loopback. */
class HttpDataTransferIT {

    private static final long SIZE = 5 * 1024 * 1024 + 17;

    private static HttpTestServer origin;
    private static HttpTestServer destination;
    private final HttpDataSourceFactory sources = new HttpDataSourceFactory();
    private final HttpDataSinkFactory sinks = new HttpDataSinkFactory();

    @BeforeAll
    static void startServers() {
        origin = HttpTestServer.start();
        destination = HttpTestServer.start();
    }

    @AfterAll
    static void stopServers() {
        origin.close();
        destination.close();
    }

    @BeforeEach
    void forget() {
        origin.reset();
        destination.reset();
    }

    private static DataAddress http(HttpTestServer server, String path, String... keyValues) {
        Map<String, String> properties = new TreeMap<>();
        properties.put("baseUrl", server.baseUrl());
        properties.put("path", path);
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        return new DataAddress("HttpData", properties);
    }

    private StreamResult<Object> transfer(DataAddress from, DataAddress to) {
        DataFlowStartMessage message = DataFlowStartMessage.push("p1", from, to);
        assertThat(sources.validateRequest(message).succeeded()).isTrue();
        assertThat(sinks.validateRequest(message).succeeded()).isTrue();
        try (DataSource source = sources.createSource(message)) {
            return sinks.createSink(message).transfer(source).join();
        }
    }

    private static RecordedRequest upload() {
        List<RecordedRequest> uploads = destination.requests("/sink");
        assertThat(uploads).hasSize(1);
        return uploads.get(0);
    }

    @Test
    void roundTripStreamsEveryByteChunkedByDefault() {
        StreamResult<Object> result = transfer(http(origin, "/bytes/" + SIZE + "/report.bin"), http(destination, "/sink/in"));

        assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
        assertThat(result.content()).isEqualTo(new HttpDataSink.Sent(1, SIZE));
        RecordedRequest upload = upload();
        assertThat(upload.method()).isEqualTo("POST");
        assertThat(upload.path()).isEqualTo("/sink/in");
        assertThat(upload.complete()).isTrue();
        assertThat(upload.bytes()).isEqualTo(SIZE);
        assertThat(upload.sha256()).isEqualTo(TestContent.sha256(SIZE));
        assertThat(upload.chunked()).isTrue();
        assertThat(upload.header("Content-Length")).isNull();
    }

    @Test
    void nonChunkedTransferSendsTheSourcesContentLength() {
        StreamResult<Object> result = transfer(http(origin, "/bytes/" + SIZE),
                http(destination, "/sink/in", "nonChunkedTransfer", "true", "method", "PUT"));

        assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
        RecordedRequest upload = upload();
        assertThat(upload.method()).isEqualTo("PUT");
        assertThat(upload.header("Content-Length")).isEqualTo(String.valueOf(SIZE));
        assertThat(upload.chunked()).isFalse();
        assertThat(upload.sha256()).isEqualTo(TestContent.sha256(SIZE));
    }

    @Test
    void nonChunkedTransferFallsBackToChunkedWhenTheSizeIsUnknown() {
        StreamResult<Object> result = transfer(http(origin, "/bytes/300000", "queryParams", "chunked=true"),
                http(destination, "/sink/in", "nonChunkedTransfer", "true"));

        assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
        assertThat(upload().chunked()).isTrue();
        assertThat(upload().sha256()).isEqualTo(TestContent.sha256(300_000));
    }

    @ParameterizedTest(name = "source chunked: {0}")
    @ValueSource(booleans = {true, false})
    void aSourceThatDiesMidBodyFailsTheFlowAndTheUploadStaysIncomplete(boolean chunked) {
        StreamResult<Object> result = transfer(http(origin, "/bytes/" + SIZE, "queryParams", "truncate=1000000&chunked=" + chunked),
                http(destination, "/sink/in"));

        assertThat(result.failed()).isTrue();
        assertThat(result.failureMessage()).startsWith("reading part " + SIZE + " failed");
        await().atMost(10, SECONDS).until(() -> !destination.requests("/sink").isEmpty());
        assertThat(upload().complete()).isFalse();
    }

    @ParameterizedTest(name = "nonChunkedTransfer: {0}")
    @ValueSource(booleans = {true, false})
    void anEmptyBodyCrossesAsAnEmptyUpload(boolean nonChunked) {
        StreamResult<Object> result = transfer(http(origin, "/bytes/0"), http(destination, "/sink/in", "nonChunkedTransfer", String.valueOf(nonChunked)));

        assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
        assertThat(upload().complete()).isTrue();
        assertThat(upload().bytes()).isZero();
        assertThat(upload().sha256()).isEqualTo(TestContent.sha256(0));
    }

    @Test
    void aPostSourceSendsAnEmptyBody() {
        StreamResult<Object> result = transfer(http(origin, "/bytes/1000", "method", "POST"), http(destination, "/sink/in"));

        assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
        RecordedRequest request = origin.requests("/bytes").get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Length")).isEqualTo("0");
        assertThat(upload().bytes()).isEqualTo(1000);
    }

    @Test
    void headersAuthAndContentTypeAreSentOnBothSides() {
        StreamResult<Object> result = transfer(
                http(origin, "/bytes/1000", "header:X-Tenant", "blue", "authKey", "Authorization", "authCode", "Bearer source-token"),
                http(destination, "/sink/in", "header:X-Trace", "t-1", "authKey", "X-Api-Key", "authCode", "sink-key",
                        "contentType", "text/csv"));

        assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
        RecordedRequest get = origin.requests("/bytes").get(0);
        assertThat(get.header("X-Tenant")).isEqualTo("blue");
        assertThat(get.header("Authorization")).isEqualTo("Bearer source-token");
        assertThat(upload().header("X-Trace")).isEqualTo("t-1");
        assertThat(upload().header("X-Api-Key")).isEqualTo("sink-key");
        assertThat(upload().header("Content-Type")).isEqualTo("text/csv");
    }

    @Test
    void sinkForwardsTheSourcesMediaTypeWhenNoContentTypeIsSet() {
        transfer(http(origin, "/bytes/10", "queryParams", "type=application/json"), http(destination, "/sink/in"));
        assertThat(upload().header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void sourcePartCarriesNameSizeAndMediaTypeAndReadsRanges() throws Exception {
        DataFlowStartMessage message = DataFlowStartMessage.push("p", http(origin, "/bytes/100000/data.csv",
                "queryParams", "type=text/csv"), http(destination, "/sink"));
        try (DataSource source = sources.createSource(message)) {
            Part part = source.openPartStream().content().findFirst().orElseThrow();
            assertThat(part.name()).isEqualTo("data.csv");
            assertThat(part.size()).isEqualTo(100_000);
            assertThat(part.mediaType()).isEqualTo("text/csv");
            assertThat(part.supportsRanges()).isTrue();
            try (InputStream range = part.openRange(70_000, 1000); InputStream whole = part.openStream()) {
                byte[] expected = TestContent.stream(71_000).readAllBytes();
                assertThat(range.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(expected, 70_000, 71_000));
                assertThat(whole.readAllBytes()).hasSize(100_000);
            }
        }
        DataFlowStartMessage named = DataFlowStartMessage.push("p", http(origin, "/bytes/5", "name", "custom.bin"), http(destination, "/sink"));
        try (DataSource source = sources.createSource(named)) {
            assertThat(source.openPartStream().content().findFirst().orElseThrow().name()).isEqualTo("custom.bin");
        }
    }

    @Test
    void sourceNotFoundFailsWithStatusAndUrlButNoQueryOrCredentials() {
        StreamResult<Object> result = transfer(
                http(origin, "/missing/file", "queryParams", "token=qsecret", "authKey", "Authorization", "authCode", "hsecret"),
                http(destination, "/sink/in"));

        assertThat(result.failure().reason()).isEqualTo(Failure.Reason.NOT_FOUND);
        assertThat(result.failureMessage()).isEqualTo("HTTP 404 Not Found from GET " + origin.baseUrl() + "/missing/file")
                .doesNotContain("qsecret", "hsecret");
        assertThat(destination.requests()).isEmpty();
    }

    @Test
    void sinkServerErrorFailsWithStatusAndUrl() {
        StreamResult<Object> result = transfer(http(origin, "/bytes/70000"),
                http(destination, "/status/500/upload", "queryParams", "sig=qsecret"));

        assertThat(result.failure().reason()).isEqualTo(Failure.Reason.GENERAL_ERROR);
        assertThat(result.failureMessage()).startsWith("HTTP 500 ").endsWith(" from POST " + destination.baseUrl() + "/status/500/upload")
                .doesNotContain("qsecret");
    }

    @Test
    void sinkUnauthorizedAndRedirectAnswersFailWithTheirStatus() {
        StreamResult<Object> unauthorized = transfer(http(origin, "/bytes/70000"), http(destination, "/status/401/x"));
        StreamResult<Object> redirected = transfer(http(origin, "/bytes/70000"), http(destination, "/status/307/x"));

        assertThat(unauthorized.failure().reason()).isEqualTo(Failure.Reason.NOT_AUTHORIZED);
        assertThat(unauthorized.failureMessage()).startsWith("HTTP 401").endsWith("from POST " + destination.baseUrl() + "/status/401/x");
        assertThat(redirected.failureMessage()).startsWith("HTTP 307");
    }

    @Test
    void sinkServerThatRefusesBeforeReadingTheBodyGivesItsStatusWithExpectContinue() {
        StreamResult<Object> result = transfer(http(origin, "/bytes/" + SIZE),
                http(destination, "/status/413/x", "queryParams", "drain=false", "header:Expect", "100-continue"));

        assertThat(result.failureMessage()).isEqualTo("HTTP 413 from POST " + destination.baseUrl() + "/status/413/x");
    }

    @Test
    void sinkServerThatRefusesBeforeReadingTheBodyWithoutExpectContinueGetsAHint() {
        StreamResult<Object> result = transfer(http(origin, "/bytes/" + SIZE), http(destination, "/status/413/x", "queryParams", "drain=false"));

        assertThat(result.failureMessage()).startsWith("POST " + destination.baseUrl() + "/status/413/x failed: ")
                .contains("header:Expect=100-continue");
    }

    @Test
    void httpsToHttpsRoundTripWithATrustedCertificateAndAClearReasonWithout() {
        try (HttpTestServer tlsOrigin = HttpTestServer.startTls(); HttpTestServer tlsDestination = HttpTestServer.startTls()) {
            HttpSettings trusting = HttpSettings.DEFAULTS.withTls(dev.ferry.testing.http.TestCertificate.trustingContext().getSocketFactory());
            DataFlowStartMessage message = DataFlowStartMessage.push("tls", http(tlsOrigin, "/bytes/" + SIZE), http(tlsDestination, "/sink/in"));
            StreamResult<Object> result;
            try (DataSource source = new HttpDataSourceFactory(trusting, null).createSource(message)) {
                result = new HttpDataSinkFactory(trusting, null).createSink(message).transfer(source).join();
            }

            assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
            assertThat(tlsDestination.requests("/sink").get(0).sha256()).isEqualTo(TestContent.sha256(SIZE));

            StreamResult<Object> untrusted = transfer(http(tlsOrigin, "/bytes/10"), http(destination, "/sink/in"));
            assertThat(untrusted.failureMessage()).startsWith("GET " + tlsOrigin.baseUrl() + "/bytes/10 failed: TLS failed (")
                    .contains("trustStore");
        }
    }

    @Test
    void refusedConnectionGivesAClearReason() {
        HttpTestServer gone = HttpTestServer.start();
        DataAddress unreachable = http(gone, "/sink/in");
        int port = gone.port();
        gone.close();

        StreamResult<Object> result = transfer(http(origin, "/bytes/10"), unreachable);

        assertThat(result.failureMessage()).isEqualTo("POST " + unreachable.property("baseUrl", "") + "/sink/in failed: connection refused by 127.0.0.1:"
                + port + " (is the server running and the port right?)");
    }

    @ParameterizedTest(name = "virtual thread: {0}")
    @ValueSource(booleans = {true, false})
    void interruptingTheTransferStopsItAndLeavesNoCompleteUpload(boolean virtual) {
        DataFlowStartMessage message = DataFlowStartMessage.push("p", http(origin, "/slow/" + (512L << 20)), http(destination, "/sink/in"));
        DataSource source = sources.createSource(message);
        AtomicReference<StreamResult<Object>> outcome = new AtomicReference<>();
        Runnable run = () -> outcome.set(sinks.createSink(message).transfer(source).join());
        Thread thread = virtual ? Thread.ofVirtual().start(run) : Thread.ofPlatform().start(run);
        await().atMost(10, SECONDS).until(() -> !origin.requests("/slow").isEmpty());

        thread.interrupt();

        await().atMost(10, SECONDS).until(() -> outcome.get() != null);
        assertThat(outcome.get().failure().reason()).isEqualTo(Failure.Reason.CANCELLED);
        await().atMost(10, SECONDS).until(() -> !destination.requests("/sink").isEmpty());
        assertThat(upload().complete()).isFalse();
        source.close();
        await().atMost(10, SECONDS).until(() -> origin.abortedResponses() == 1);
    }

    @Test
    void interruptingAVirtualThreadBlockedWritingToAStalledServerStopsIt() {
        DataFlowStartMessage message = DataFlowStartMessage.push("p", http(origin, "/bytes/" + (512L << 20)), http(destination, "/stall/in"));
        DataSource source = sources.createSource(message);
        AtomicReference<StreamResult<Object>> outcome = new AtomicReference<>();
        Thread thread = Thread.ofVirtual().start(() -> outcome.set(sinks.createSink(message).transfer(source).join()));
        await().atMost(10, SECONDS).until(() -> !destination.requests("/stall").isEmpty());
        await().atMost(10, SECONDS).until(() -> thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING);

        thread.interrupt();

        await().atMost(10, SECONDS).until(() -> outcome.get() != null);
        assertThat(outcome.get().failure().reason()).isEqualTo(Failure.Reason.CANCELLED);
        source.close();
    }

    @Test
    void closingTheSourceFromAnotherThreadStopsABlockedTransfer() {
        DataFlowStartMessage message = DataFlowStartMessage.push("p", http(origin, "/slow/" + (512L << 20)), http(destination, "/sink/in"));
        DataSource source = sources.createSource(message);
        CompletableFuture<StreamResult<Object>> outcome = CompletableFuture.supplyAsync(() -> sinks.createSink(message).transfer(source).join());
        await().atMost(10, SECONDS).until(() -> !origin.requests("/slow").isEmpty());

        source.close();

        assertThat(outcome.orTimeout(10, SECONDS).join().failed()).isTrue();
        await().atMost(10, SECONDS).until(() -> !destination.requests("/sink").isEmpty());
        assertThat(upload().complete()).isFalse();
    }

    @Test
    void eachPartOfAMultiPartSourceGoesToItsOwnUrl() {
        DataSource twoParts = () -> StreamResult.success(Stream.of(memoryPart("a.txt", "alpha"), memoryPart("dir/b c.txt", "beta")));
        DataFlowStartMessage message = DataFlowStartMessage.push("p", http(origin, "/unused"), http(destination, "/sink/batch"));

        StreamResult<Object> result = sinks.createSink(message).transfer(twoParts).join();

        assertThat(result.content()).isEqualTo(new HttpDataSink.Sent(2, 9));
        assertThat(destination.requests("/sink")).extracting(RecordedRequest::path, RecordedRequest::bytes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/sink/batch/a.txt", 5L),
                        org.assertj.core.groups.Tuple.tuple("/sink/batch/dir/b c.txt", 4L));
        assertThat(destination.requests("/sink")).extracting(RecordedRequest::text).containsExactly("alpha", "beta");
    }

    @Test
    void aSourcePartFailingUncheckedMidStreamCutsTheUploadOff() {
        Part failing = new Part() {
            @Override
            public String name() {
                return "broken.bin";
            }

            @Override
            public InputStream openStream() {
                return new java.io.SequenceInputStream(TestContent.stream(300_000), new InputStream() {
                    @Override
                    public int read() {
                        throw new java.io.UncheckedIOException(new java.io.IOException("disk gone"));
                    }
                });
            }
        };
        DataFlowStartMessage message = DataFlowStartMessage.push("p", http(origin, "/unused"), http(destination, "/sink/in"));

        StreamResult<Object> result = sinks.createSink(message).transfer(() -> StreamResult.success(Stream.of(failing))).join();

        assertThat(result.failureMessage()).startsWith("reading part broken.bin failed after ").contains("disk gone");
        await().atMost(10, SECONDS).until(() -> !destination.requests("/sink").isEmpty());
        assertThat(upload().complete()).isFalse();
    }

    private static Part memoryPart(String name, String content) {
        return new Part() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream openStream() {
                return new ByteArrayInputStream(content.getBytes());
            }
        };
    }
}
