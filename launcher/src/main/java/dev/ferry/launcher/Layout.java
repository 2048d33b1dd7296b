package dev.ferry.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folders of a Ferry distribution: {@code bin lib bundles features config deploy data}.
 *
 * @param home the distribution's root; absolute
 */
record Layout(Path home) {

    Layout {
        home = home.toAbsolutePath().normalize();
    }

    /**
     * The home named by {@code -Dferry.home} (bin/ferry sets it), else the folder above the lib/ that
     * holds the launcher jar, else the working directory.
     */
    static Layout detect() {
        String property = System.getProperty(Variables.HOME);
        if (property != null && !property.isBlank()) {
            return new Layout(Path.of(property));
        }
        try {
            Path jar = Path.of(Layout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(jar) && jar.getParent() != null && jar.getParent().getParent() != null) {
                return new Layout(jar.getParent().getParent());
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through: an unusual class path, use the working directory
        }
        return new Layout(Path.of(""));
    }

    Path lib() {
        return home.resolve("lib");
    }

    Path bundles() {
        return home.resolve("bundles");
    }

    Path features() {
        return home.resolve("features");
    }

    Path config() {
        return home.resolve("config");
    }

    Path deploy() {
        return home.resolve("deploy");
    }
}
