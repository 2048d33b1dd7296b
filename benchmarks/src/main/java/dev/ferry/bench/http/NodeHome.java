package dev.ferry.bench.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A private copy of the launcher's distribution ({@code launcher/target/ferry}) for one bench run, so
 * the bench can change {@code config/*.cfg} without touching the shared build output, and a rebuild
 * of the distribution during the run cannot pull jars from under the node. A copy (not symlinks):
 * {@code bin/ferry} finds its home by resolving links, and the whole folder is ~20 MB.
 */
final class NodeHome {

    private final Path home;

    private NodeHome(Path home) {
        this.home = home;
    }

    /** Copies {@code distribution} into a new temporary folder; {@code deploy/} and {@code data/} start empty. */
    static NodeHome copyOf(Path distribution) throws IOException {
        if (!Files.isExecutable(distribution.resolve("bin/ferry"))) {
            throw new IllegalArgumentException(distribution + " is not a Ferry distribution (no bin/ferry);"
                    + " build it with ./mvnw -B -q -o package -pl launcher");
        }
        Path home = Files.createTempDirectory("ferry-http-bench-");
        try (Stream<Path> files = Files.walk(distribution)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = distribution.relativize(source);
                if (relative.startsWith("deploy") && !relative.equals(Path.of("deploy"))
                        || relative.startsWith("data") && !relative.equals(Path.of("data"))) {
                    continue;
                }
                Path target = home.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return new NodeHome(home);
    }

    Path path() {
        return home;
    }

    /**
     * Sets {@code key = value} lines in {@code config/<pid>.cfg}, replacing the key's existing line
     * (FileInstall format) or appending it; other lines and comments stay.
     */
    void configure(String pid, Map<String, String> values) throws IOException {
        Path file = home.resolve("config").resolve(pid + ".cfg");
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String line = entry.getKey() + " = " + entry.getValue();
            boolean replaced = false;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("\\s*" + java.util.regex.Pattern.quote(entry.getKey()) + "\\s*[=:].*")) {
                    lines.set(i, line);
                    replaced = true;
                }
            }
            if (!replaced) {
                lines.add(line);
            }
        }
        Files.write(file, lines);
    }

    /** Deletes the copy. */
    void delete() throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
