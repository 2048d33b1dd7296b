package dev.ferry.transfer.http.internal;

import dev.ferry.spi.secrets.Vault;
import java.util.ServiceLoader;

/** Finds a {@link Vault} on a plain class path (ServiceLoader); in OSGi the component injects it. */
final class StandaloneVault {

    private StandaloneVault() {
    }

    /** The first vault listed in {@code META-INF/services}, or null. */
    static Vault find() {
        return ServiceLoader.load(Vault.class, StandaloneVault.class.getClassLoader()).findFirst().orElse(null);
    }
}
