package dev.ferry.transfer.s3.internal;

import dev.ferry.spi.secrets.Vault;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/** The vault for plain-Java use: the first one {@link ServiceLoader} finds, else FERRY_SECRET_* variables. */
final class StandaloneVault {

    private StandaloneVault() {
    }

    static Vault find() {
        return ServiceLoader.load(Vault.class, StandaloneVault.class.getClassLoader()).findFirst()
                .orElse(name -> name == null || name.isBlank() ? Optional.empty()
                        : Optional.ofNullable(System.getenv("FERRY_SECRET_"
                                + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"))));
    }
}
