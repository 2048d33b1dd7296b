package dev.ferry.launcher;

import dev.ferry.spi.DataAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The SPI packages the system bundle exports: the {@code Export-Package} of the ferry-spi jar on the
 * launcher's class path, read at start so it can never drift from the SPI's own versions.
 */
final class SpiExports {

    private SpiExports() {
    }

    static String exportPackage() {
        try {
            Path location = Path.of(DataAddress.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Manifest manifest;
            if (Files.isDirectory(location)) {
                try (InputStream in = Files.newInputStream(location.resolve("META-INF/MANIFEST.MF"))) {
                    manifest = new Manifest(in);
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    manifest = jar.getManifest();
                }
            }
            String exports = manifest == null ? null : manifest.getMainAttributes().getValue("Export-Package");
            if (exports == null || exports.isBlank()) {
                throw new LaunchException("the ferry-spi jar at " + location + " has no Export-Package header: rebuild it with bnd");
            }
            return exports;
        } catch (IOException | java.net.URISyntaxException e) {
            throw new LaunchException("cannot read the ferry-spi manifest: " + e.getMessage(), e);
        }
    }
}
