package dev.ferry.transfer.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.core.Ferry;
import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.FlowState;
import dev.ferry.transfer.s3.testing.FaultInjectingProxy;
import dev.ferry.transfer.s3.testing.FaultInjectingProxy.Request;
import dev.ferry.transfer.s3.testing.S3ProxyProcess;
import dev.ferry.transfer.s3.testing.TestData;
import dev.ferry.transfer.s3.testing.TestDataSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throttling (503 SlowDown) injected by a proxy in front of S3Proxy, through an embedded Ferry
 * whose S3 factories run with {@code maxAttempts = 3}: fewer faults than attempts are retried away
 * by the SDK and the flow completes; endless faults fail the flow after exactly 3 attempts with a
 * reason naming the status, the error code, the object and the attempts, leaving nothing behind.
 * The SDK's backoff cannot be configured through the module's settings, so these tests wait its
 * real (jittered) delays: about a second or two per exhausted request.
 */
class S3RetryIT {

    static final int MAX_ATTEMPTS = 3;
    static final String MAX_ATTEMPTS_PROPERTY = "ferry.transfer.s3.maxAttempts";
    static final long MIB = 1024 * 1024;

    @TempDir
    static Path dir;

    static S3ProxyProcess s3;
    static FaultInjectingProxy proxy;
    static Ferry ferry;
    static String previousMaxAttempts;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3ProxyProcess.start(dir.resolve("s3"));
        s3.createBucket("src");
        s3.createBucket("dst");
        proxy = new FaultInjectingProxy(s3.endpoint());
        // Ferry.embedded() builds the factories now, reading ferry.transfer.s3.* (the plain-Java settings).
        previousMaxAttempts = System.setProperty(MAX_ATTEMPTS_PROPERTY, String.valueOf(MAX_ATTEMPTS));
        ferry = Ferry.embedded();
        ferry.pipeline().registerFactory(TestDataSource.factory(new AtomicLong()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (previousMaxAttempts == null) {
            System.clearProperty(MAX_ATTEMPTS_PROPERTY);
        } else {
            System.setProperty(MAX_ATTEMPTS_PROPERTY, previousMaxAttempts);
        }
        if (ferry != null) {
            ferry.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    static DataAddress s3(URI endpoint, String bucket, String key) {
        return new DataAddress("AmazonS3", Map.of("endpointOverride", endpoint.toString(), "region", S3ProxyProcess.REGION,
                "bucketName", bucket, "objectName", key, "keyName", S3ProxyProcess.SECRET_NAME));
    }

    static DataAddress generated(long size, long seed) {
        return new DataAddress(TestDataSource.TYPE, Map.of("size", String.valueOf(size), "seed", String.valueOf(seed)));
    }

    static DataFlow run(DataAddress source, DataAddress destination) {
        var message = DataFlowStartMessage.push(UUID.randomUUID().toString(), source, destination);
        StreamResult<DataFlow> started = ferry.manager().start(message);
        assertThat(started.failureMessage()).isNull();
        return await().atMost(Duration.ofMinutes(1)).until(() -> ferry.manager().flow(message.processId()).orElseThrow(),
                f -> f.state().isTerminal());
    }

    static Predicate<Request> getObject(String bucket, String key) {
        return r -> r.method().equals("GET") && r.path().equals("/" + bucket + "/" + key);
    }

    static Predicate<Request> putObject(String bucket, String key) {
        return r -> r.method().equals("PUT") && r.path().equals("/" + bucket + "/" + key) && !r.query().contains("uploadId=");
    }

    static Predicate<Request> uploadPart(String bucket, String key, int number) {
        return r -> r.method().equals("PUT") && r.path().equals("/" + bucket + "/" + key)
                && r.query().contains("uploadId=") && ("&" + r.query() + "&").contains("&partNumber=" + number + "&");
    }

    static void assertNamesFailureWithoutSecrets(DataFlow flow, String operationAndObject) {
        assertThat(flow.state()).isEqualTo(FlowState.FAILED);
        assertThat(flow.failureReason())
                .contains(operationAndObject + " failed: HTTP 503 SlowDown after " + MAX_ATTEMPTS + " attempts")
                .doesNotContain(S3ProxyProcess.CREDENTIAL).doesNotContain(S3ProxyProcess.IDENTITY);
    }

    @Test
    void getObjectThrottledFewerTimesThanMaxAttemptsIsRetriedAndCompletes() {
        String sha = s3.putObject("src", "throttled-get.bin", 100_000, 1);
        proxy.fail(MAX_ATTEMPTS - 1, getObject("src", "throttled-get.bin"));

        DataFlow flow = run(s3(proxy.endpoint(), "src", "throttled-get.bin"), s3(s3.endpoint(), "dst", "from-throttled-get.bin"));

        assertThat(flow.state()).as(flow.failureReason()).isEqualTo(FlowState.COMPLETED);
        assertThat(s3.sha256("dst", "from-throttled-get.bin")).isEqualTo(sha);
        assertThat(proxy.count(getObject("src", "throttled-get.bin"))).as(proxy.requests().toString()).isEqualTo(MAX_ATTEMPTS);
        assertThat(proxy.count(Request::faulted)).isEqualTo(MAX_ATTEMPTS - 1);
    }

    @Test
    void putObjectThrottledFewerTimesThanMaxAttemptsIsRetriedAndCompletes() {
        proxy.fail(MAX_ATTEMPTS - 1, putObject("dst", "throttled-put.bin"));

        DataFlow flow = run(generated(100_000, 2), s3(proxy.endpoint(), "dst", "throttled-put.bin"));

        assertThat(flow.state()).as(flow.failureReason()).isEqualTo(FlowState.COMPLETED);
        assertThat(s3.sha256("dst", "throttled-put.bin")).isEqualTo(TestData.sha256(100_000, 2));
        assertThat(proxy.count(putObject("dst", "throttled-put.bin"))).as(proxy.requests().toString()).isEqualTo(MAX_ATTEMPTS);
        assertThat(proxy.count(Request::faulted)).isEqualTo(MAX_ATTEMPTS - 1);
    }

    @Test
    void getObjectAlwaysThrottledFailsTheFlowAfterMaxAttempts() {
        s3.putObject("src", "always-throttled-get.bin", 100_000, 3);
        proxy.failAlways(getObject("src", "always-throttled-get.bin"));

        DataFlow flow = run(s3(proxy.endpoint(), "src", "always-throttled-get.bin"), s3(s3.endpoint(), "dst", "never-read.bin"));

        System.out.println("S3RetryIT GetObject exhausted: " + flow.failureReason());
        assertNamesFailureWithoutSecrets(flow, "GetObject s3://src/always-throttled-get.bin");
        assertThat(proxy.count(getObject("src", "always-throttled-get.bin"))).as(proxy.requests().toString()).isEqualTo(MAX_ATTEMPTS);
        assertThat(s3.exists("dst", "never-read.bin")).isFalse();
        assertThat(s3.incompleteUploads("dst")).isEmpty();
    }

    @Test
    void putObjectAlwaysThrottledFailsTheFlowAfterMaxAttemptsAndLeavesNothing() {
        proxy.failAlways(putObject("dst", "always-throttled-put.bin"));

        DataFlow flow = run(generated(100_000, 4), s3(proxy.endpoint(), "dst", "always-throttled-put.bin"));

        System.out.println("S3RetryIT PutObject exhausted: " + flow.failureReason());
        assertNamesFailureWithoutSecrets(flow, "PutObject s3://dst/always-throttled-put.bin");
        assertThat(proxy.count(putObject("dst", "always-throttled-put.bin"))).as(proxy.requests().toString()).isEqualTo(MAX_ATTEMPTS);
        assertThat(s3.exists("dst", "always-throttled-put.bin")).isFalse();
        assertThat(s3.incompleteUploads("dst")).isEmpty();
    }

    @Test
    void uploadPartAlwaysThrottledFailsTheFlowAfterMaxAttemptsAndAbortsTheUpload() {
        // 6 MiB in 5 MiB parts (failsafe's ferry.transfer.s3.partSize): a multipart upload of 2 parts.
        proxy.failAlways(uploadPart("dst", "always-throttled-part.bin", 1));

        DataFlow flow = run(generated(6 * MIB, 5), s3(proxy.endpoint(), "dst", "always-throttled-part.bin"));

        System.out.println("S3RetryIT UploadPart exhausted: " + flow.failureReason());
        assertNamesFailureWithoutSecrets(flow, "UploadPart 1 of s3://dst/always-throttled-part.bin");
        assertThat(proxy.count(uploadPart("dst", "always-throttled-part.bin", 1))).as(proxy.requests().toString())
                .isEqualTo(MAX_ATTEMPTS);
        assertThat(proxy.requests()).anyMatch(r -> r.method().equals("DELETE") && r.query().contains("uploadId="));
        assertThat(s3.exists("dst", "always-throttled-part.bin")).isFalse();
        assertThat(s3.incompleteUploads("dst")).isEmpty();
    }
}
