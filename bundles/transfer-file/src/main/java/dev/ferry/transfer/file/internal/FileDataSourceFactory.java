package dev.ferry.transfer.file.internal;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.DataSourceFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Makes {@link FileDataSource}s for {@code File} addresses: property {@code path}, an absolute file
 * or directory under the allowed roots. Thread-safe.
 */
public final class FileDataSourceFactory implements DataSourceFactory {

    private static final String SIDE = "source";

    private final AllowedRoots roots;
    private final FileAccess access;

    /** For {@link java.util.ServiceLoader}: roots from {@value AllowedRoots#SYSTEM_PROPERTY} or the defaults. */
    public FileDataSourceFactory() {
        this(AllowedRoots.fromSystem());
    }

    public FileDataSourceFactory(AllowedRoots roots) {
        this(roots, FileAccess.SYSTEM);
    }

    FileDataSourceFactory(AllowedRoots roots, FileAccess access) {
        this.roots = Objects.requireNonNull(roots, "roots");
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    public String supportedType() {
        return FileTransfer.TYPE;
    }

    @Override
    public StreamResult<Void> validateRequest(DataFlowStartMessage message) {
        return FileAddress.path(message.source(), SIDE).compose(this::validatePath);
    }

    private StreamResult<Void> validatePath(Path path) {
        String property = SIDE + "." + FileTransfer.PATH;
        var outside = roots.check(property, path);
        if (outside.isPresent()) {
            return StreamResult.failure(Failure.Reason.NOT_AUTHORIZED, outside.get());
        }
        Path real = AllowedRoots.realLocation(path);
        if (!Files.exists(real)) {
            return StreamResult.failure(Failure.Reason.NOT_FOUND,
                    property + " '" + path + "' does not exist: check the path or create the file first");
        }
        if (!Files.isRegularFile(real) && !Files.isDirectory(real)) {
            return StreamResult.badRequest(property + " '" + path + "' is neither a regular file nor a directory");
        }
        if (!access.readable(real)) {
            return StreamResult.failure(Failure.Reason.NOT_AUTHORIZED, property + " '" + path
                    + "' is not readable by the Ferry process: grant it read permission");
        }
        return StreamResult.success();
    }

    /**
     * Creates the source. Checks again (metadata only) so a message that skipped or outlived
     * {@link #validateRequest} yields a source that fails with the reason rather than reading.
     */
    @Override
    public DataSource createSource(DataFlowStartMessage message) {
        StreamResult<Void> valid = validateRequest(message);
        if (valid.failed()) {
            return new FileDataSource(valid.failure());
        }
        Path path = FileAddress.path(message.source(), SIDE).content();
        return new FileDataSource(path, AllowedRoots.realLocation(path));
    }
}
