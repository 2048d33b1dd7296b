package dev.ferry.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.spi.secrets.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileEnvVaultTest {

    @TempDir
    Path dir;

    @Test
    void readsSecretFilesWithoutTrailingNewline() throws Exception {
        Files.writeString(dir.resolve("s3-creds"), "{\"accessKeyId\":\"a\"}\n");
        Vault vault = new FileEnvVault(dir, Map.of(), FileEnvVault.DEFAULT_PREFIX);

        assertThat(vault.resolveSecret("s3-creds")).contains("{\"accessKeyId\":\"a\"}");
    }

    @Test
    void readsEnvironmentVariablesByNormalisedName() {
        Vault vault = new FileEnvVault(null, Map.of("FERRY_SECRET_S3_CREDS", "v"), FileEnvVault.DEFAULT_PREFIX);

        assertThat(vault.resolveSecret("s3-creds")).contains("v");
        assertThat(vault.resolveSecret("s3.creds")).contains("v");
    }

    @Test
    void fileWinsOverEnvironment() throws Exception {
        Files.writeString(dir.resolve("k"), "from-file");
        Vault vault = new FileEnvVault(dir, Map.of("FERRY_SECRET_K", "from-env"), FileEnvVault.DEFAULT_PREFIX);

        assertThat(vault.resolveSecret("k")).contains("from-file");
    }

    @Test
    void unknownBlankAndPathLikeNamesAreEmpty() throws Exception {
        Files.writeString(dir.resolveSibling("outside"), "nope");
        Vault vault = new FileEnvVault(dir, Map.of(), FileEnvVault.DEFAULT_PREFIX);

        assertThat(vault.resolveSecret("missing")).isEmpty();
        assertThat(vault.resolveSecret(" ")).isEmpty();
        assertThat(vault.resolveSecret(null)).isEmpty();
        assertThat(vault.resolveSecret("../outside")).isEmpty();
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(Vault.class).findFirst()).get().isInstanceOf(FileEnvVault.class);
    }

    @Test
    void toStringShowsNoSecret() {
        Vault vault = new FileEnvVault(null, Map.of("FERRY_SECRET_K", "hunter2"), FileEnvVault.DEFAULT_PREFIX);

        assertThat(vault.toString()).doesNotContain("hunter2");
    }
}
