package dev.ferry.vault.internal;

import dev.ferry.spi.secrets.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Registers the default {@link Vault}, configured by PID {@code ferry.vault}. */
@Component(service = Vault.class, configurationPid = "ferry.vault", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = VaultComponent.Config.class)
public class VaultComponent implements Vault {

    @ObjectClassDefinition(name = "Ferry vault", description = "Secrets from files and environment variables")
    public @interface Config {
        @AttributeDefinition(description = "Directory with one file per secret (file name = secret name); empty: "
                + "the FERRY_SECRETS_DIR environment variable, else none")
        String secretsDirectory() default "";

        @AttributeDefinition(description = "Prefix of environment variables holding secrets; empty disables them")
        String environmentPrefix() default FileEnvVault.DEFAULT_PREFIX;
    }

    private final Vault delegate;

    @Activate
    public VaultComponent(Config config) {
        String dir = Optional.ofNullable(config.secretsDirectory()).filter(s -> !s.isBlank())
                .orElse(Optional.ofNullable(System.getenv(FileEnvVault.DIRECTORY_ENV)).orElse(""));
        Path directory = dir.isBlank() ? null : Path.of(dir);
        // A missing directory is allowed (secrets are often mounted later); a file is a mistake.
        if (directory != null && Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new IllegalArgumentException("ferry.vault secretsDirectory: " + directory
                    + " is a file, not a directory; point it at a directory of secret files");
        }
        String prefix = config.environmentPrefix() == null ? "" : config.environmentPrefix();
        // An empty prefix would expose every environment variable as a secret: disable instead.
        this.delegate = new FileEnvVault(directory, prefix.isEmpty() ? java.util.Map.of() : System.getenv(),
                prefix.isEmpty() ? "\u0000" : prefix);
    }

    @Override
    public Optional<String> resolveSecret(String name) {
        return delegate.resolveSecret(name);
    }
}
