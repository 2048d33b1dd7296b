package dev.ferry.transfer.file.internal;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.StreamResult;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Reads the {@code path} property of a File address; stateless. */
final class FileAddress {

    private FileAddress() {
    }

    /**
     * The absolute path named by {@code address}, or a bad-request failure naming
     * {@code side}.path (e.g. {@code source.path}).
     */
    static StreamResult<Path> path(DataAddress address, String side) {
        String property = side + "." + FileTransfer.PATH;
        if (address == null) {
            return StreamResult.badRequest(side + ": a " + FileTransfer.TYPE + " address is required");
        }
        String value = address.property(FileTransfer.PATH).orElse(null);
        if (value == null) {
            return StreamResult.badRequest(property + " is missing: set it to an absolute file or directory path");
        }
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            return StreamResult.badRequest(property + " '" + value + "' is not a valid path: " + e.getReason());
        }
        if (!path.isAbsolute()) {
            return StreamResult.badRequest(property + " '" + value + "' is relative: use an absolute path");
        }
        return StreamResult.success(path);
    }

    /** True when the raw property ends with a separator, which asks for a directory. */
    static boolean namesDirectory(DataAddress address) {
        String value = address.property(FileTransfer.PATH, "");
        return value.endsWith("/") || value.endsWith(java.io.File.separator);
    }
}
