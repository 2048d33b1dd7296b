package dev.ferry.transfer.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.core.Ferry;
import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.FlowState;
import dev.ferry.spi.secrets.Vault;
import dev.ferry.transfer.s3.testing.S3ProxyProcess;
import dev.ferry.transfer.s3.testing.TestDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures and cancellation leave no object and no incomplete multipart upload at the destination. */
class S3FailureIT {

    static final long MIB = 1024 * 1024;
    static final Vault VAULT = name -> S3ProxyProcess.SECRET_NAME.equals(name) ? Optional.of(
            "{\"accessKeyId\":\"" + S3ProxyProcess.IDENTITY + "\",\"secretAccessKey\":\"" + S3ProxyProcess.CREDENTIAL + "\"}")
            : Optional.empty();

    @TempDir
    static Path dir;

    static S3ProxyProcess destination;
    static S3Clients clients;

    @BeforeAll
    static void start() throws Exception {
        destination = S3ProxyProcess.start(dir.resolve("dst"));
        destination.createBucket("dst");
        clients = new S3Clients(S3Settings.defaults().withPartSize(5 * MIB, 2).withMaxAttempts(2));
    }

    @AfterAll
    static void stop() {
        clients.close();
        destination.close();
    }

    static DataAddress s3(S3ProxyProcess server, String bucket, String key) {
        return new DataAddress("AmazonS3", Map.of("endpointOverride", server.endpoint().toString(), "bucketName", bucket,
                "objectName", key, "keyName", S3ProxyProcess.SECRET_NAME));
    }

    StreamResult<Object> transfer(DataAddress from, DataAddress to, long triggerAt, Runnable trigger) throws Exception {
        var message = DataFlowStartMessage.push("p", from, to);
        var source = new S3DataSourceFactory(clients, VAULT).createSource(message);
        var sink = new S3DataSinkFactory(clients, VAULT).createSink(message);
        return sink.transfer(TestDataSource.triggerAfter(source, triggerAt, trigger)).get();
    }

    @Test
    void sourceServerStoppedMidTransferFailsAndLeavesNothing() throws Exception {
        try (S3ProxyProcess source = S3ProxyProcess.start(dir.resolve("src-killed"))) {
            source.createBucket("src");
            source.putObject("src", "big.bin", 40 * MIB, 11);

            StreamResult<Object> result = transfer(s3(source, "src", "big.bin"), s3(destination, "dst", "from-killed.bin"),
                    6 * MIB, source::kill);

            System.out.println("S3FailureIT server killed: " + result.failure());
            assertThat(result.failed()).isTrue();
            assertThat(result.failureMessage()).contains("s3://src/big.bin").doesNotContain(S3ProxyProcess.CREDENTIAL);
            assertThat(destination.exists("dst", "from-killed.bin")).isFalse();
            assertThat(destination.incompleteUploads("dst")).isEmpty();
        }
    }

    @Test
    void sourceObjectDeletedMidTransferFailsAndLeavesNothing() throws Exception {
        try (S3ProxyProcess source = S3ProxyProcess.start(dir.resolve("src-deleted"))) {
            source.createBucket("src");
            source.putObject("src", "vanishing.bin", 40 * MIB, 12);

            StreamResult<Object> result = transfer(s3(source, "src", "vanishing.bin"), s3(destination, "dst", "from-deleted.bin"),
                    6 * MIB, () -> source.admin().deleteObject(b -> b.bucket("src").key("vanishing.bin")));

            System.out.println("S3FailureIT object deleted: " + result.failure());
            assertThat(result.failed()).isTrue();
            assertThat(result.failure().reason()).isIn(Failure.Reason.NOT_FOUND, Failure.Reason.CONFLICT);
            assertThat(result.failureMessage()).contains("GetObject s3://src/vanishing.bin failed: HTTP 4");
            assertThat(destination.exists("dst", "from-deleted.bin")).isFalse();
            assertThat(destination.incompleteUploads("dst")).isEmpty();
        }
    }

    @Test
    void refusedCredentialsNameStatusAndObjectButNotTheSecret() throws Exception {
        destination.putObject("dst", "private.bin", 10, 1);
        DataAddress wrong = new DataAddress("AmazonS3", Map.of("endpointOverride", destination.endpoint().toString(),
                "bucketName", "dst", "objectName", "private.bin", "accessKeyId", "someone", "secretAccessKey", "wrong-secret-123"));
        var message = DataFlowStartMessage.push("p", wrong, s3(destination, "dst", "never.bin"));

        var result = new S3DataSourceFactory(clients, VAULT).createSource(message).openPartStream();

        assertThat(result.failure().reason()).isEqualTo(Failure.Reason.NOT_AUTHORIZED);
        assertThat(result.failureMessage()).contains("HeadObject s3://dst/private.bin failed: HTTP 403")
                .doesNotContain("wrong-secret-123");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"terminate", "suspend"})
    void terminateOrSuspendDuringLargeUploadAbortsIt(String how) {
        AtomicLong read = new AtomicLong();
        String id = how + "-me";
        try (Ferry ferry = Ferry.embedded()) {
            ferry.pipeline().registerFactory(TestDataSource.factory(read));
            var message = DataFlowStartMessage.push(id,
                    new DataAddress(TestDataSource.TYPE, Map.of("size", String.valueOf(1024 * MIB), "seed", "5")),
                    s3(destination, "dst", id + ".bin"));
            assertThat(ferry.manager().start(message).failureMessage()).isNull();
            await().atMost(Duration.ofMinutes(1)).until(() -> read.get() > 30 * MIB
                    && !destination.incompleteUploads("dst").isEmpty());

            var stopped = how.equals("terminate") ? ferry.manager().terminate(id, "test") : ferry.manager().suspend(id, "test");
            assertThat(stopped.failureMessage()).isNull();

            DataFlow flow = ferry.manager().flow(id).orElseThrow();
            assertThat(flow.state()).isEqualTo(how.equals("terminate") ? FlowState.TERMINATED : FlowState.SUSPENDED);
            await().atMost(Duration.ofSeconds(30)).until(() -> destination.incompleteUploads("dst").isEmpty());
            assertThat(destination.exists("dst", id + ".bin")).isFalse();
            assertThat(read.get()).isLessThan(1024 * MIB);
        }
    }

    @Test
    void prefixTransferFailingHalfWayRemovesTheObjectsItAlreadyWrote() throws Exception {
        try (S3ProxyProcess source = S3ProxyProcess.start(dir.resolve("src-prefix"))) {
            source.createBucket("src");
            for (int i = 0; i < 10; i++) {
                source.putObject("src", "set/" + i + ".bin", 100_000, 20 + i);
            }
            DataAddress from = new DataAddress("AmazonS3", Map.of("endpointOverride", source.endpoint().toString(),
                    "bucketName", "src", "objectPrefix", "set/", "keyName", S3ProxyProcess.SECRET_NAME));
            DataAddress to = new DataAddress("AmazonS3", Map.of("endpointOverride", destination.endpoint().toString(),
                    "bucketName", "dst", "folderName", "half-way", "keyName", S3ProxyProcess.SECRET_NAME));

            // Once 3 objects were read, the 8th vanishes: the transfer fails when it reaches it.
            StreamResult<Object> result = transfer(from, to, 300_000,
                    () -> source.admin().deleteObject(b -> b.bucket("src").key("set/7.bin")));

            assertThat(result.failureMessage()).contains("s3://src/set/7.bin");
            assertThat(destination.keys("dst")).noneMatch(k -> k.startsWith("half-way/"));
        }
    }
}
