package dev.ferry.signaling.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The settings of a signaling node, validated on construction (an {@link IllegalArgumentException}
 * names the setting and the fix).
 *
 * @param host               the interface to listen on
 * @param port               the port (0 picks a free one)
 * @param basePath           "" or a path such as "/api/signaling"; normalized without trailing "/"
 * @param publicUrl          the signaling base URL control planes reach; empty: http://host:port/basePath
 * @param controlPlaneUrl    the EDC control API for self-registration ({@code POST …/v1/dataplanes}); optional
 * @param dpsControlPlaneUrl the DPS control plane endpoint for registration ({@code PUT …/dataplanes}) and callbacks; optional
 * @param dataplaneId        this node's id in registrations
 * @param callbackFirstDelay the first retry delay of a callback (doubling each retry)
 * @param callbackMaxDelay   the longest delay between retries
 * @param callbackMaxAge     how long a callback is retried before it is given up (and logged)
 */
public record SignalingSettings(String host, int port, String basePath, Optional<URI> publicUrl,
                                Optional<URI> controlPlaneUrl, Optional<URI> dpsControlPlaneUrl, String dataplaneId,
                                Duration callbackFirstDelay, Duration callbackMaxDelay, Duration callbackMaxAge) {

    public SignalingSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host: set the interface to listen on, e.g. 127.0.0.1 or 0.0.0.0");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " is not a port; use 1-65535 (0 picks a free one)");
        }
        basePath = normalize(basePath);
        if (dataplaneId == null || dataplaneId.isBlank()) {
            throw new IllegalArgumentException("dataplaneId: set a non-blank id for registrations");
        }
        if (callbackFirstDelay.isNegative() || callbackFirstDelay.isZero() || callbackMaxDelay.compareTo(callbackFirstDelay) < 0) {
            throw new IllegalArgumentException("callback delays: the first delay must be positive and at most the maximum delay");
        }
    }

    /** Defaults for tests and embedded use: loopback, the given port, no registration. */
    public static SignalingSettings local(int port, String basePath) {
        return new SignalingSettings("127.0.0.1", port, basePath, Optional.empty(), Optional.empty(), Optional.empty(),
                "ferry", Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofHours(24));
    }

    public SignalingSettings withControlPlanes(Optional<URI> edc, Optional<URI> dps) {
        return new SignalingSettings(host, port, basePath, publicUrl, edc, dps, dataplaneId, callbackFirstDelay,
                callbackMaxDelay, callbackMaxAge);
    }

    public SignalingSettings withCallbackDelays(Duration first, Duration max, Duration maxAge) {
        return new SignalingSettings(host, port, basePath, publicUrl, controlPlaneUrl, dpsControlPlaneUrl, dataplaneId,
                first, max, maxAge);
    }

    /** Parses an optional URL setting; blank is empty. */
    public static Optional<URI> optionalUrl(String value, String name) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException(name + ": '" + value + "' is not an absolute URL such as http://host:port/path");
            }
            return Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a URL: " + e.getReason());
        }
    }

    private static String normalize(String path) {
        if (path == null || path.isBlank() || path.equals("/")) {
            return "";
        }
        String p = path.trim();
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
