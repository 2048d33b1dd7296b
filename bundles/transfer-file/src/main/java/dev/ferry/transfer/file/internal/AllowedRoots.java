package dev.ferry.transfer.file.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The directories the File type may read and write. A path is inside when its real location
 * (symbolic links of its existing part resolved, {@code ..} removed) lies under a root's real
 * location, so neither {@code ..} nor a symlink leads out. Immutable; thread-safe.
 */
public final class AllowedRoots {

    /** The system property read by the no-arg factory constructors (plain-Java use). */
    public static final String SYSTEM_PROPERTY = "ferry.file.allowedRoots";

    /** Absolute, as configured; resolved at each check. */
    private final List<Path> roots;
    private final String configuredIn;

    private AllowedRoots(List<Path> roots, String configuredIn) {
        this.roots = List.copyOf(roots);
        this.configuredIn = configuredIn;
    }

    /**
     * Roots from OSGi configuration; an empty array allows nothing.
     *
     * @throws IllegalArgumentException when a root is blank or relative (a bad setting fails at start)
     */
    public static AllowedRoots fromConfig(String[] roots) {
        // A .cfg file gives one string: accept comma-separated roots there; blanks are what
        // config tools write for "none".
        List<String> paths = roots == null ? List.of() : Arrays.stream(roots)
                .flatMap(r -> Arrays.stream(r.split(",")))
                .filter(r -> !r.isBlank())
                .toList();
        return of(paths, "allowedRoots in " + FileTransfer.CONFIG_PID);
    }

    /** Roots from {@value #SYSTEM_PROPERTY}, or the working directory and java.io.tmpdir when unset. */
    public static AllowedRoots fromSystem() {
        String value = System.getProperty(SYSTEM_PROPERTY);
        if (value == null || value.isBlank()) {
            return of(List.of(System.getProperty("user.dir"), System.getProperty("java.io.tmpdir")),
                    "system property " + SYSTEM_PROPERTY);
        }
        List<String> paths = Arrays.stream(value.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
        return of(paths, "system property " + SYSTEM_PROPERTY);
    }

    /** Roots from {@code paths}, each absolute; {@code configuredIn} tells users where to change them. */
    public static AllowedRoots of(List<String> paths, String configuredIn) {
        List<Path> absolute = new ArrayList<>();
        for (String p : paths) {
            if (p == null || p.isBlank()) {
                throw new IllegalArgumentException(configuredIn + ": a root is blank; list absolute directory paths");
            }
            Path path = Path.of(p.strip());
            if (!path.isAbsolute()) {
                throw new IllegalArgumentException(configuredIn + ": root '" + p + "' is relative; use an absolute path");
            }
            absolute.add(path);
        }
        return new AllowedRoots(absolute, configuredIn);
    }

    /**
     * The roots as resolved now. Resolved on every use, so a root created (or re-linked) after
     * configuration is seen as it is on disk.
     */
    public List<Path> roots() {
        return roots.stream().map(AllowedRoots::realLocation).toList();
    }

    /**
     * Checks that {@code path} lies under a root; may touch the file system (resolves links).
     *
     * @param property the address property, named in the message (e.g. {@code source.path})
     * @return empty when allowed, else a message naming the property, the path and the fix
     */
    public Optional<String> check(String property, Path path) {
        if (roots.isEmpty()) {
            return Optional.of(property + " '" + path + "' is refused: no allowed roots are configured; set "
                    + configuredIn + " to the directories Ferry may read and write");
        }
        Path real = realLocation(path);
        List<Path> resolved = roots();
        for (Path root : resolved) {
            if (real.startsWith(root)) {
                return Optional.empty();
            }
        }
        String shown = real.equals(path) ? "" : " (resolves to '" + real + "')";
        return Optional.of(property + " '" + path + "'" + shown + " is outside the allowed roots " + resolved
                + "; add its directory to " + configuredIn);
    }

    /**
     * The real location of {@code path}: its longest existing prefix resolved by the file system
     * (links and their {@code ..} as the kernel sees them), plus the rest normalised. Resolving only
     * what exists lets a sink name a file it has yet to create. Use the result for I/O, so the path
     * checked is the path used.
     */
    public static Path realLocation(Path path) {
        Path raw = path.toAbsolutePath();
        Path existing = raw;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return raw.normalize();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(raw)).normalize();
        } catch (IOException e) {
            // An unreadable parent: the lexical form, which has no '..' left, is the best we know.
            return raw.normalize();
        }
    }
}
