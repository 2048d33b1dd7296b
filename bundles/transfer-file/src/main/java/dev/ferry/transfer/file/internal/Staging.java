package dev.ferry.transfer.file.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The files one sink transfer writes: each to a hidden temporary name beside its target, all
 * renamed into place only after every part is written, and all undone on failure (temporary files,
 * files already renamed, directories it created). So a flow leaves everything or nothing. For one
 * thread.
 */
final class Staging {

    private record Staged(Path temp, Path target) {
    }

    private final List<Staged> staged = new ArrayList<>();
    private final List<Path> createdDirectories = new ArrayList<>();
    private final List<Path> committed = new ArrayList<>();

    /** Creates {@code directory} and its missing parents, remembering which ones to remove on rollback. */
    void createDirectories(Path directory) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path d = directory; d != null && !Files.isDirectory(d); d = d.getParent()) {
            missing.add(0, d);
        }
        for (Path d : missing) {
            Files.createDirectory(d);
            createdDirectories.add(d);
        }
    }

    /** Opens a new temporary file for {@code target}, creating its parent directories. */
    FileChannel open(Path target) throws IOException {
        createDirectories(target.getParent());
        Path temp = target.resolveSibling(tempName(target.getFileName().toString()));
        staged.add(new Staged(temp, target));
        return FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Renames every temporary file to its target, replacing existing files atomically. */
    void commit() throws IOException {
        for (Staged s : staged) {
            Files.move(s.temp(), s.target(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            committed.add(s.target());
        }
        staged.clear();
    }

    /** Deletes what this transfer made; best effort, never throws. Idempotent. */
    void rollback() {
        for (Staged s : staged) {
            deleteQuietly(s.temp());
        }
        staged.clear();
        committed.forEach(Staging::deleteQuietly);
        committed.clear();
        for (int i = createdDirectories.size() - 1; i >= 0; i--) {
            deleteQuietly(createdDirectories.get(i)); // fails, as it should, if someone else wrote there
        }
        createdDirectories.clear();
    }

    int fileCount() {
        return committed.size() + staged.size();
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Best effort: a leftover is reported by nobody, but the flow's failure still stands.
        }
    }

    private static final java.util.regex.Pattern TEMP_NAME = java.util.regex.Pattern.compile("\\..*\\.ferry-[0-9a-f]{12}\\.part");

    /** True for a name {@link #tempName} makes. */
    static boolean isTempName(String fileName) {
        return TEMP_NAME.matcher(fileName).matches();
    }

    /** {@code .name.ferry-<random>.part}, shortened so it stays within common 255-byte name limits. */
    static String tempName(String fileName) {
        String base = fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        return "." + base + ".ferry-" + HexFormat.of().formatHex(random) + ".part";
    }
}
