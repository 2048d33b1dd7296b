package dev.ferry.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a feature's Maven ids to jar files of the distribution: {@code bundles/} holds what is
 * installed in the framework, {@code lib/} what the launcher's class path provides (such as the SPI,
 * which the system bundle exports). Never touches the network. Immutable.
 */
final class BundleFiles {

    private final Layout layout;

    BundleFiles(Layout layout) {
        this.layout = layout;
    }

    /** A bundle to install, or one the launcher provides itself (then {@code file} is in lib/). */
    record Resolved(Feature.FeatureBundle bundle, Path file, boolean providedByLauncher) {
    }

    /** Every bundle of the plan resolved; one error lists all missing files. */
    List<Resolved> resolve(List<Feature.FeatureBundle> bundles) {
        List<Resolved> resolved = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Feature.FeatureBundle b : bundles) {
            String name = b.id().fileName();
            Path provided = layout.lib().resolve(name);
            Path file = layout.bundles().resolve(name);
            if (Files.isRegularFile(provided)) {
                resolved.add(new Resolved(b, provided, true));
            } else if (Files.isRegularFile(file)) {
                resolved.add(new Resolved(b, file, false));
            } else {
                missing.add(b.id() + " (" + file + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new LaunchException("the features need bundles this distribution does not have: " + String.join(", ", missing)
                    + ". Add each as a <scope>provided</scope> dependency in launcher/pom.xml and rebuild (./mvnw -B install -pl launcher)");
        }
        return resolved;
    }
}
