package dev.ferry.spi;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where data lives or goes: a transfer {@code type} (e.g. {@code File}, {@code HttpData}) and the
 * properties that type defines. Immutable; thread-safe.
 *
 * @param type       the transfer type; non-blank
 * @param properties type-specific properties; never null (null becomes empty), copied
 */
public record DataAddress(String type, Map<String, String> properties) {

    public DataAddress {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("type: a data address needs a non-blank type");
        }
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** A new address of {@code type} with no properties. */
    public static DataAddress of(String type) {
        return new DataAddress(type, Map.of());
    }

    /** The property {@code key}, or empty when absent or blank. */
    public Optional<String> property(String key) {
        String value = properties.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The property {@code key}, or {@code fallback} when absent or blank. */
    public String property(String key, String fallback) {
        return property(key).orElse(fallback);
    }

    /**
     * The type and the property names only: values may be secrets (keys, tokens, SAS), and records
     * holding an address print it through here.
     */
    @Override
    public String toString() {
        return "DataAddress[type=" + type + ", properties=" + new java.util.TreeSet<>(properties.keySet()) + "]";
    }

    /** A copy with {@code key} set to {@code value}. */
    public DataAddress with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(properties);
        copy.put(key, value);
        return new DataAddress(type, copy);
    }
}
