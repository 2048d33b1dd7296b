package dev.ferry.spi.secrets;

import java.util.Optional;

/**
 * Resolves secrets by name. Registered as an OSGi service, or listed in {@code META-INF/services}
 * for plain-Java use. Thread-safe; may block briefly for I/O (e.g. reading a file). Implementations
 * never log, print or put secret values into exceptions or failure messages.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Vault {

    /**
     * The secret named {@code name}, or empty if this vault has none by that name (or the name is
     * null or blank). Never throws for a missing secret.
     */
    Optional<String> resolveSecret(String name);
}
