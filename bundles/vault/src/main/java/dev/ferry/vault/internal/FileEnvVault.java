package dev.ferry.vault.internal;

import dev.ferry.spi.secrets.Vault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@link Vault} over a directory of secret files (one file per secret, named like the secret, as
 * Kubernetes mounts them) and environment variables {@code <prefix><NAME>} ({@code FERRY_SECRET_} by
 * default; the name upper-cased, every character other than A-Z and 0-9 replaced by {@code _}).
 * The directory wins over the environment. Stateless apart from its settings, so thread-safe.
 * Messages never include secret values.
 */
public class FileEnvVault implements Vault {

    /** Names a directory of secret files when no configuration does (plain Java). */
    public static final String DIRECTORY_ENV = "FERRY_SECRETS_DIR";
    public static final String DEFAULT_PREFIX = "FERRY_SECRET_";

    // A secret name maps to a file in the directory: no separators, no "..", so no escape from it.
    private static final Pattern SAFE_FILE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private final Path directory;
    private final Map<String, String> environment;
    private final String prefix;

    /** For {@link java.util.ServiceLoader}: the process environment, the directory in {@value #DIRECTORY_ENV}. */
    public FileEnvVault() {
        this(Optional.ofNullable(System.getenv(DIRECTORY_ENV)).filter(s -> !s.isBlank()).map(Path::of).orElse(null),
                System.getenv(), DEFAULT_PREFIX);
    }

    /**
     * @param directory   directory of secret files; nullable (none)
     * @param environment variables to read; non-null
     * @param prefix      variable name prefix; non-null, may be empty
     */
    public FileEnvVault(Path directory, Map<String, String> environment, String prefix) {
        this.directory = directory;
        this.environment = Map.copyOf(environment);
        this.prefix = prefix;
    }

    @Override
    public Optional<String> resolveSecret(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return fromFile(name).or(() -> Optional.ofNullable(environment.get(variableName(name))));
    }

    /** The environment variable that holds {@code name}. */
    public String variableName(String name) {
        return prefix + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private Optional<String> fromFile(String name) {
        if (directory == null || !SAFE_FILE_NAME.matcher(name).matches() || name.startsWith(".")) {
            return Optional.empty();
        }
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            // Secret files usually end with a newline that is not part of the secret.
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).stripTrailing());
        } catch (IOException e) {
            // An unreadable file counts as absent; the exception text names only the path.
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "FileEnvVault[directory=" + directory + ", prefix=" + prefix + "]";
    }
}
