package dev.ferry.transfer.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.core.Ferry;
import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.FlowState;
import dev.ferry.transfer.s3.testing.CountingProxy;
import dev.ferry.transfer.s3.testing.S3ProxyProcess;
import dev.ferry.transfer.s3.testing.TestData;
import dev.ferry.testing.http.HttpTestServer;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfers through an embedded Ferry node (core + the S3 and File factories found by
 * ServiceLoader, credentials from the plain-Java vault) against two S3Proxy processes on loopback.
 */
class S3TransferIT {

    static final long MIB = 1024 * 1024;

    @TempDir
    static Path dir;

    static S3ProxyProcess a;
    static S3ProxyProcess b;
    static Ferry ferry;

    @BeforeAll
    static void start() throws Exception {
        a = S3ProxyProcess.start(dir.resolve("a"));
        b = S3ProxyProcess.start(dir.resolve("b"));
        a.createBucket("src");
        a.createBucket("dst");
        b.createBucket("dst");
        ferry = Ferry.embedded();
    }

    @AfterAll
    static void stop() {
        if (ferry != null) {
            ferry.close();
        }
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    static DataAddress s3(URI endpoint, String bucket, String... properties) {
        Map<String, String> map = new HashMap<>(Map.of("endpointOverride", endpoint.toString(), "region",
                S3ProxyProcess.REGION, "bucketName", bucket, "keyName", S3ProxyProcess.SECRET_NAME));
        for (int i = 0; i < properties.length; i += 2) {
            map.put(properties[i], properties[i + 1]);
        }
        return new DataAddress("AmazonS3", map);
    }

    static DataFlow run(DataAddress source, DataAddress destination) {
        var message = DataFlowStartMessage.push(UUID.randomUUID().toString(), source, destination);
        StreamResult<DataFlow> started = ferry.manager().start(message);
        assertThat(started.failureMessage()).isNull();
        return await().atMost(Duration.ofMinutes(2)).until(() -> ferry.manager().flow(message.processId()).orElseThrow(),
                f -> f.state().isTerminal());
    }

    @Test
    void objectToObjectAcrossEndpointsSmallAndMultipart() {
        String small = a.putObject("src", "small.bin", 1000, 1);
        String large = a.putObject("src", "large.bin", 23 * MIB + 7, 2);

        DataFlow f1 = run(s3(a.endpoint(), "src", "objectName", "small.bin"), s3(b.endpoint(), "dst", "objectName", "copy-small.bin"));
        DataFlow f2 = run(s3(a.endpoint(), "src", "objectName", "large.bin"), s3(b.endpoint(), "dst", "objectName", "copy-large.bin"));

        assertThat(f1.state()).as(f1.failureReason()).isEqualTo(FlowState.COMPLETED);
        assertThat(f2.state()).as(f2.failureReason()).isEqualTo(FlowState.COMPLETED);
        assertThat(b.sha256("dst", "copy-small.bin")).isEqualTo(small);
        assertThat(b.sha256("dst", "copy-large.bin")).isEqualTo(large);
        assertThat(b.incompleteUploads("dst")).isEmpty();
    }

    @Test
    void prefixOfHundredObjectsToFolder() {
        Map<String, String> expected = new ConcurrentHashMap<>();
        IntStream.range(0, 100).parallel().forEach(i ->
                expected.put("batch/out/" + i + ".dat", a.putObject("src", "batch/in/" + i + ".dat", 1000 + i * 37L, 100 + i)));
        a.putObject("src", "batch/other.dat", 10, 7); // outside the prefix

        DataFlow flow = run(s3(a.endpoint(), "src", "objectPrefix", "batch/in/"), s3(b.endpoint(), "dst", "folderName", "batch/out"));

        assertThat(flow.state()).as(flow.failureReason()).isEqualTo(FlowState.COMPLETED);
        assertThat(b.keys("dst")).filteredOn(k -> k.startsWith("batch/")).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, sha) -> assertThat(b.sha256("dst", key)).as(key).isEqualTo(sha));
    }

    @Test
    void fileToS3AndBack() throws Exception {
        Path file = Files.createDirectories(dir.resolve("files")).resolve("in.bin");
        try (InputStream data = new TestData(12 * MIB + 3, 42)) {
            Files.copy(data, file);
        }
        String sha = TestData.sha256(12 * MIB + 3, 42);
        Path back = dir.resolve("files").resolve("back.bin");

        DataFlow up = run(new DataAddress("File", Map.of("path", file.toString())), s3(a.endpoint(), "dst", "objectName", "from-file.bin"));
        DataFlow down = run(s3(a.endpoint(), "dst", "objectName", "from-file.bin"), new DataAddress("File", Map.of("path", back.toString())));

        assertThat(up.state()).as(up.failureReason()).isEqualTo(FlowState.COMPLETED);
        assertThat(a.sha256("dst", "from-file.bin")).isEqualTo(sha);
        assertThat(down.state()).as(down.failureReason()).isEqualTo(FlowState.COMPLETED);
        try (InputStream in = Files.newInputStream(back)) {
            assertThat(S3ProxyProcess.sha256(in)).isEqualTo(sha);
        }
    }

    @Test
    void checksumModeWhenRequiredForOlderStoresRoundTrips() throws Exception {
        String sha = a.putObject("src", "older-store.bin", 11 * MIB, 13);
        S3Settings settings = S3Settings.defaults().withPartSize(5 * MIB, 2).withChecksums("WHEN_REQUIRED", "WHEN_REQUIRED");
        try (S3Clients clients = new S3Clients(settings)) {
            var vault = StandaloneVault.find();
            var message = DataFlowStartMessage.push("p", s3(a.endpoint(), "src", "objectName", "older-store.bin"),
                    s3(b.endpoint(), "dst", "objectName", "older-store.bin"));

            var result = new S3DataSinkFactory(clients, vault).createSink(message)
                    .transfer(new S3DataSourceFactory(clients, vault).createSource(message)).get();

            assertThat(result.failureMessage()).isNull();
        }
        assertThat(b.sha256("dst", "older-store.bin")).isEqualTo(sha);
    }

    @Test
    void s3ToHttpData() {
        String sha = a.putObject("src", "to-http.bin", 13 * MIB + 5, 9);
        try (HttpTestServer http = HttpTestServer.start()) {
            DataFlow flow = run(s3(a.endpoint(), "src", "objectName", "to-http.bin"),
                    new DataAddress("HttpData", Map.of("baseUrl", http.baseUrl() + "/sink/to-http.bin", "method", "PUT")));

            assertThat(flow.state()).as(flow.failureReason()).isEqualTo(FlowState.COMPLETED);
            assertThat(http.requests("/sink")).singleElement().satisfies(r -> {
                assertThat(r.complete()).isTrue();
                assertThat(r.sha256()).isEqualTo(sha);
            });
        }
    }

    @Test
    void chunkedHttpDataOfUnknownSizeToS3() {
        long size = 17 * MIB + 3; // several parts, read sequentially: the source has no size and no ranges
        try (HttpTestServer http = HttpTestServer.start()) {
            DataFlow flow = run(new DataAddress("HttpData", Map.of("baseUrl", http.baseUrl() + "/bytes/" + size + "?chunked=true")),
                    s3(a.endpoint(), "dst", "objectName", "from-http.bin"));

            assertThat(flow.state()).as(flow.failureReason()).isEqualTo(FlowState.COMPLETED);
        }
        assertThat(a.sha256("dst", "from-http.bin")).isEqualTo(dev.ferry.testing.http.TestContent.sha256(size));
        assertThat(a.incompleteUploads("dst")).isEmpty();
    }

    @Test
    void sameEndpointUsesServerSideCopyWithNoObjectBytesThroughTheNode() throws Exception {
        long size = 24 * MIB; // above the 10 MiB multipart-copy threshold set for the ITs: UploadPartCopy
        String large = a.putObject("src", "copy-me.bin", size, 3);
        String small = a.putObject("src", "copy-me-too.bin", MIB, 4);
        try (CountingProxy proxy = new CountingProxy(a.endpoint())) {
            DataAddress source = s3(proxy.endpoint(), "src", "objectName", "copy-me.bin");
            DataAddress destination = s3(proxy.endpoint(), "dst", "objectName", "copied.bin");
            assertThat(ferry.registry().resolve(DataFlowStartMessage.push("x", source, destination)))
                    .get().isInstanceOf(S3CopyTransferService.class);

            DataFlow flow = run(source, destination);
            DataFlow flow2 = run(s3(proxy.endpoint(), "src", "objectName", "copy-me-too.bin"),
                    s3(proxy.endpoint(), "dst", "objectName", "copied-too.bin"));

            assertThat(flow.state()).as(flow.failureReason()).isEqualTo(FlowState.COMPLETED);
            assertThat(flow2.state()).as(flow2.failureReason()).isEqualTo(FlowState.COMPLETED);
            // requests and XML answers only: far below one MiB, while the objects are 25 MiB
            assertThat(proxy.totalBytes()).isLessThan(64 * 1024);
        }
        assertThat(a.sha256("dst", "copied.bin")).isEqualTo(large);
        assertThat(a.sha256("dst", "copied-too.bin")).isEqualTo(small);
        assertThat(a.incompleteUploads("dst")).isEmpty();
    }

    @Test
    void differentEndpointsAreStreamedByThePipeline() throws Exception {
        String sha = a.putObject("src", "stream-me.bin", 6 * MIB, 5);
        try (CountingProxy proxy = new CountingProxy(a.endpoint())) {
            DataAddress source = s3(proxy.endpoint(), "src", "objectName", "stream-me.bin");
            DataAddress destination = s3(b.endpoint(), "dst", "objectName", "streamed.bin");
            assertThat(ferry.registry().resolve(DataFlowStartMessage.push("x", source, destination)))
                    .get().isNotInstanceOf(S3CopyTransferService.class);

            DataFlow flow = run(source, destination);

            assertThat(flow.state()).as(flow.failureReason()).isEqualTo(FlowState.COMPLETED);
            assertThat(proxy.totalBytes()).isGreaterThanOrEqualTo(6 * MIB);
        }
        assertThat(b.sha256("dst", "streamed.bin")).isEqualTo(sha);
    }
}
