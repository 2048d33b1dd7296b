package dev.ferry.transfer.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.spi.DataAddress;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3AddressTest {

    static final dev.ferry.spi.secrets.Vault VAULT = name -> name.equals("creds")
            ? Optional.of("{\"accessKeyId\":\"AK\",\"secretAccessKey\":\"very-secret\"}") : Optional.empty();

    static S3Address sink(Map<String, String> properties) {
        var result = S3Address.parse(new DataAddress("AmazonS3", properties), S3Address.Role.SINK, VAULT);
        assertThat(result.failureMessage()).isNull();
        return result.content();
    }

    @Test
    void sinkKeysJoinFolderAndObjectOrPartName() {
        assertThat(sink(Map.of("region", "eu-west-1", "bucketName", "bkt", "folderName", "out")).keyFor("a/x.bin"))
                .isEqualTo("out/a/x.bin");
        assertThat(sink(Map.of("region", "eu-west-1", "bucketName", "bkt", "folderName", "out/", "objectName", "y"))
                .keyFor("x")).isEqualTo("out/y");
        assertThat(sink(Map.of("region", "eu-west-1", "bucketName", "bkt")).keyFor("x")).isEqualTo("x");
    }

    @Test
    void credentialsFromTheVaultNeverShowInToString() {
        S3Address address = sink(Map.of("region", "eu-west-1", "bucketName", "bkt", "keyName", "creds"));

        assertThat(address.credentials().accessKeyId()).isEqualTo("AK");
        assertThat(address.toString()).doesNotContain("very-secret");
        assertThat(address.credentials().toString()).doesNotContain("very-secret");
    }

    @Test
    void endpointOverrideDefaultsTheRegionAndAcceptsStoreSpecificOnes() {
        assertThat(sink(Map.of("endpointOverride", "http://127.0.0.1:9000", "bucketName", "bkt")).region()).isEqualTo("us-east-1");
        assertThat(sink(Map.of("endpointOverride", "http://127.0.0.1:9000", "bucketName", "bkt", "region", "garage"))).isNotNull();
        assertThat(S3Address.parse(new DataAddress("AmazonS3", Map.of("endpointOverride", "ftp://x", "bucketName", "bkt")),
                S3Address.Role.SINK, VAULT).failureMessage()).contains("destination.endpointOverride");
    }

    @Test
    void invalidBucketNamesAreRefused() {
        assertThat(S3Address.parse(new DataAddress("AmazonS3", Map.of("region", "eu-west-1", "bucketName", "Bad_Bucket")),
                S3Address.Role.SINK, VAULT).failureMessage()).contains("destination.bucketName").contains("Bad_Bucket");
    }

    @Test
    void sameStoreNeedsEqualRegionEndpointAndCredentials() {
        S3Address a = sink(Map.of("region", "eu-west-1", "bucketName", "bkt", "keyName", "creds"));
        S3Address sameViaPlainKeys = sink(Map.of("region", "eu-west-1", "bucketName", "other-bkt", "accessKeyId", "AK",
                "secretAccessKey", "very-secret"));
        S3Address otherKey = sink(Map.of("region", "eu-west-1", "bucketName", "bkt", "accessKeyId", "AK",
                "secretAccessKey", "other"));

        assertThat(a.sameStoreAs(sameViaPlainKeys)).isTrue();
        assertThat(a.sameStoreAs(otherKey)).isFalse();
    }
}
