package dev.ferry.transfer.http.internal;

import java.time.Duration;
import javax.net.ssl.SSLSocketFactory;

/**
 * Client settings shared by every HttpData source and sink of a node (config PID
 * {@code ferry.transfer.http}). Immutable.
 *
 * @param connectTimeout how long to wait for a TCP connection; positive
 * @param readTimeout    how long a read may block without a byte arriving (a stalled server); zero waits forever
 * @param bufferSize     bytes per copy buffer and per chunk of a chunked upload; 8 KiB to 16 MiB
 * @param tls            the TLS socket factory for https URLs; null uses the JVM's default (its trust
 *                       store, see {@code javax.net.ssl.trustStore}); set by embedding code and tests
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, int bufferSize, SSLSocketFactory tls) {

    /** 10 s to connect, 60 s per read, 256 KiB buffers (see decision record 0030). */
    public static final HttpSettings DEFAULTS = new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), 256 * 1024);

    /** Settings with the JVM's default TLS. */
    public HttpSettings(Duration connectTimeout, Duration readTimeout, int bufferSize) {
        this(connectTimeout, readTimeout, bufferSize, null);
    }

    public HttpSettings {
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeoutMillis: must be positive, e.g. 10000");
        }
        if (readTimeout == null || readTimeout.isNegative()) {
            throw new IllegalArgumentException("readTimeoutMillis: must be 0 (no limit) or positive, e.g. 60000");
        }
        if (bufferSize < 8 * 1024 || bufferSize > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("bufferSize: must be between 8192 and 16777216 bytes, e.g. 262144; was " + bufferSize);
        }
    }

    /** A copy using {@code socketFactory} for https URLs. */
    public HttpSettings withTls(SSLSocketFactory socketFactory) {
        return new HttpSettings(connectTimeout, readTimeout, bufferSize, socketFactory);
    }

    /** The settings of a configuration, or an {@link IllegalArgumentException} naming the bad attribute (fails activation). */
    static HttpSettings from(HttpTransferConfig config) {
        return new HttpSettings(Duration.ofMillis(config.connectTimeoutMillis()), Duration.ofMillis(config.readTimeoutMillis()),
                config.bufferSize());
    }
}
