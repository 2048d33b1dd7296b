package dev.ferry.signaling.internal.dps;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Control planes registered with {@code PUT /controlplanes}, in memory. Callbacks of DPS flows go
 * to the most recently registered one unless the start message named a callback address.
 * Thread-safe.
 */
public final class ControlPlaneRegistry {

    private final Map<String, URI> endpoints = new LinkedHashMap<>();

    /** Registers or replaces {@code id}; it becomes the latest. */
    public synchronized void put(String id, URI endpoint) {
        endpoints.remove(id);
        endpoints.put(id, endpoint);
    }

    /** Removes {@code id}; false if it was unknown. */
    public synchronized boolean remove(String id) {
        return endpoints.remove(id) != null;
    }

    /** The endpoint of the most recently registered control plane. */
    public synchronized Optional<URI> latest() {
        return endpoints.values().stream().reduce((first, second) -> second);
    }

    public synchronized Optional<URI> endpoint(String id) {
        return Optional.ofNullable(endpoints.get(id));
    }
}
