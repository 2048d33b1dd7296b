package dev.ferry.transfer.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.Ferry;
import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Invalid addresses are refused by the manager before a flow exists, naming the property. */
class S3ValidationTest {

    static Ferry ferry;

    @BeforeAll
    static void start() {
        ferry = Ferry.embedded();
    }

    @AfterAll
    static void stop() {
        ferry.close();
    }

    static DataAddress s3(String... properties) {
        Map<String, String> map = new HashMap<>(Map.of("region", "eu-central-1", "bucketName", "bucket",
                "objectName", "key", "accessKeyId", "id", "secretAccessKey", "secret"));
        for (int i = 0; i < properties.length; i += 2) {
            if (properties[i + 1] == null) {
                map.remove(properties[i]);
            } else {
                map.put(properties[i], properties[i + 1]);
            }
        }
        return new DataAddress("AmazonS3", map);
    }

    StreamResult<DataFlow> start(String id, DataAddress source, DataAddress destination) {
        StreamResult<DataFlow> result = ferry.manager().start(DataFlowStartMessage.push(id, source, destination));
        assertThat(ferry.manager().flow(id)).as("no flow is created for a refused start").isEmpty();
        return result;
    }

    @Test
    void missingBucketIsRefused() {
        var result = start("v1", s3("bucketName", null), s3());

        assertThat(result.failure().reason()).isEqualTo(Failure.Reason.BAD_REQUEST);
        assertThat(result.failureMessage()).contains("source.bucketName");
    }

    @Test
    void badRegionIsRefused() {
        var result = start("v2", s3(), s3("region", "Mars Central!"));

        assertThat(result.failureMessage()).contains("destination.region").contains("Mars Central!");
    }

    @Test
    void unknownSecretIsRefused() {
        var result = start("v3", s3("keyName", "no-such-secret", "accessKeyId", null, "secretAccessKey", null), s3());

        assertThat(result.failureMessage()).contains("source.keyName").contains("no-such-secret");
    }

    @Test
    void sourceNeedsObjectNameOrPrefix() {
        var result = start("v4", s3("objectName", null), s3());

        assertThat(result.failureMessage()).contains("objectName or objectPrefix");
    }

    @Test
    void halfCredentialsAreRefusedWithoutEchoingTheSecret() {
        var result = start("v5", s3("accessKeyId", null, "secretAccessKey", "s3cr3t-value"), s3());

        assertThat(result.failureMessage()).contains("source.accessKeyId").doesNotContain("s3cr3t-value");
    }

    @Test
    void malformedSecretIsRefusedWithoutEchoingIt() {
        var vault = (dev.ferry.spi.secrets.Vault) name -> java.util.Optional.of("not json s3cr3t");
        var factory = new S3DataSourceFactory(new S3Clients(S3Settings.defaults()), vault);

        var result = factory.validateRequest(DataFlowStartMessage.push("v6",
                s3("keyName", "k", "accessKeyId", null, "secretAccessKey", null), s3()));

        assertThat(result.failureMessage()).contains("source.keyName").doesNotContain("s3cr3t");
    }

    @Test
    void sameStoreAndCredentialsPickServerSideCopyElseThePipeline() {
        var same = DataFlowStartMessage.push("c", s3(), s3("objectName", "other"));
        var otherRegion = DataFlowStartMessage.push("c", s3(), s3("region", "eu-west-1"));
        var otherCredentials = DataFlowStartMessage.push("c", s3(), s3("accessKeyId", "other"));

        assertThat(ferry.registry().resolve(same)).get().isInstanceOf(S3CopyTransferService.class);
        assertThat(ferry.registry().resolve(otherRegion)).get().isNotInstanceOf(S3CopyTransferService.class);
        assertThat(ferry.registry().resolve(otherCredentials)).get().isNotInstanceOf(S3CopyTransferService.class);
    }
}
