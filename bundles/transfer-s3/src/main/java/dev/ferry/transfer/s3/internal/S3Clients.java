package dev.ferry.transfer.s3.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * S3 clients shared by every flow that reaches the same store with the same credentials (a client
 * owns a connection pool, so one per flow would waste sockets). Thread-safe. {@link #close()}
 * closes every client built here.
 */
public final class S3Clients implements AutoCloseable {

    private record Key(String region, URI endpoint, S3Credentials credentials) {
    }

    private final S3Settings settings;
    private final Map<Key, S3Client> clients = new ConcurrentHashMap<>();

    public S3Clients(S3Settings settings) {
        this.settings = settings;
    }

    public S3Settings settings() {
        return settings;
    }

    /** The client for {@code address}'s store and credentials; builds it on first use. */
    S3Client clientFor(S3Address address) {
        return clients.computeIfAbsent(new Key(address.region(), address.endpointOverride(), address.credentials()),
                this::build);
    }

    private S3Client build(Key key) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        // The SDK finds interceptors and its HTTP service by class-loader look-ups: in OSGi the
        // caller's context loader (e.g. SCR's) cannot see the jars embedded in this bundle.
        current.setContextClassLoader(S3Clients.class.getClassLoader());
        try {
            var builder = S3Client.builder()
                    .region(Region.of(key.region()))
                    .credentialsProvider(provider(key.credentials()))
                    .httpClient(ApacheHttpClient.builder()
                            .maxConnections(Math.max(50, settings.parallelism() * 8))
                            .connectionTimeout(Duration.ofSeconds(10))
                            .socketTimeout(Duration.ofSeconds(60))
                            .build())
                    .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(settings.maxAttempts())))
                    .requestChecksumCalculation(RequestChecksumCalculation.fromValue(settings.requestChecksumCalculation()))
                    .responseChecksumValidation(ResponseChecksumValidation.fromValue(settings.responseChecksumValidation()));
            if (key.endpoint() != null) {
                builder.endpointOverride(key.endpoint())
                        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
            }
            return builder.build();
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    private static AwsCredentialsProvider provider(S3Credentials credentials) {
        if (credentials == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(credentials.sessionToken() == null
                ? AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey())
                : AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                        credentials.sessionToken()));
    }

    @Override
    public void close() {
        clients.values().forEach(S3Client::close);
        clients.clear();
    }
}
