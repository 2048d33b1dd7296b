package dev.ferry.transfer.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.spi.DataAddress;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3ClientsTest {

    static S3Address address(String accessKeyId) {
        return S3Address.parse(new DataAddress("AmazonS3", Map.of("endpointOverride", "http://127.0.0.1:9", "bucketName",
                "bkt", "accessKeyId", accessKeyId, "secretAccessKey", "s")), S3Address.Role.SINK, name -> Optional.empty())
                .content();
    }

    @Test
    void sharesOneClientPerStoreAndCredentialsUpToTheCapThenLeasesOwnedClients() {
        try (S3Clients clients = new S3Clients(S3Settings.defaults())) {
            S3Clients.Lease first = clients.lease(address("id-0"));
            assertThat(clients.lease(address("id-0")).client()).isSameAs(first.client());
            assertThat(first.owned()).isFalse();
            for (int i = 1; i < S3Clients.MAX_SHARED; i++) {
                assertThat(clients.lease(address("id-" + i)).owned()).isFalse();
            }

            S3Clients.Lease beyond = clients.lease(address("id-beyond"));

            assertThat(beyond.owned()).isTrue();
            assertThat(clients.lease(address("id-beyond")).client()).isNotSameAs(beyond.client());
            beyond.close();
        }
    }
}
