package dev.ferry.transfer.file.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Permission checks, separate so tests can deny what a root-run test machine would always grant.
 * Implementations are thread-safe.
 */
interface FileAccess {

    /** The process's real permissions. */
    FileAccess SYSTEM = new FileAccess() {
        @Override
        public boolean readable(Path path) {
            return Files.isReadable(path) && (!Files.isDirectory(path) || Files.isExecutable(path));
        }

        @Override
        public boolean writable(Path directory) {
            return Files.isWritable(directory) && Files.isExecutable(directory);
        }
    };

    /** True when this process may read the file, or list and enter the directory. */
    boolean readable(Path path);

    /** True when this process may create and rename entries in {@code directory}. */
    boolean writable(Path directory);
}
