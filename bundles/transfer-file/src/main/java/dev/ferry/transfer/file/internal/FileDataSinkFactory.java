package dev.ferry.transfer.file.internal;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSinkFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Makes {@link FileDataSink}s for {@code File} destinations: property {@code path}, an absolute
 * file or directory under the allowed roots whose nearest existing directory is writable.
 * Thread-safe.
 */
public final class FileDataSinkFactory implements DataSinkFactory {

    private static final String SIDE = "destination";
    private static final String PROPERTY = SIDE + "." + FileTransfer.PATH;

    private final AllowedRoots roots;
    private final FileAccess access;

    /** For {@link java.util.ServiceLoader}: roots from {@value AllowedRoots#SYSTEM_PROPERTY} or the defaults. */
    public FileDataSinkFactory() {
        this(AllowedRoots.fromSystem());
    }

    public FileDataSinkFactory(AllowedRoots roots) {
        this(roots, FileAccess.SYSTEM);
    }

    FileDataSinkFactory(AllowedRoots roots, FileAccess access) {
        this.roots = Objects.requireNonNull(roots, "roots");
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    public String supportedType() {
        return FileTransfer.TYPE;
    }

    @Override
    public StreamResult<Void> validateRequest(DataFlowStartMessage message) {
        return FileAddress.path(message.destination(), SIDE).compose(this::validatePath)
                .compose(ok -> notInsideSource(message));
    }

    /** A tree copied into itself would list its own half-written output while walking. */
    private static StreamResult<Void> notInsideSource(DataFlowStartMessage message) {
        if (!FileTransfer.TYPE.equals(message.source().type())) {
            return StreamResult.success();
        }
        Path source = FileAddress.path(message.source(), "source").content();
        if (source == null) {
            return StreamResult.success(); // the source factory reports it
        }
        Path realSource = AllowedRoots.realLocation(source);
        Path realTarget = AllowedRoots.realLocation(FileAddress.path(message.destination(), SIDE).content());
        if (Files.isDirectory(realSource) && realTarget.startsWith(realSource)) {
            return StreamResult.badRequest(PROPERTY + " '" + message.destination().property(FileTransfer.PATH, "")
                    + "' is inside source.path '" + source + "'; choose a destination outside the source directory");
        }
        return StreamResult.success();
    }

    private StreamResult<Void> validatePath(Path path) {
        var outside = roots.check(PROPERTY, path);
        if (outside.isPresent()) {
            return StreamResult.failure(Failure.Reason.NOT_AUTHORIZED, outside.get());
        }
        Path real = AllowedRoots.realLocation(path);
        if (Files.exists(real) && !Files.isDirectory(real) && !Files.isRegularFile(real)) {
            return StreamResult.badRequest(PROPERTY + " '" + path + "' exists and is neither a regular file nor a directory");
        }
        // The sink writes inside the directory itself, or renames into the parent of a file.
        Path directory = Files.isDirectory(real) ? real : real.getParent();
        while (directory != null && !Files.exists(directory)) {
            directory = directory.getParent();
        }
        if (directory == null || !Files.isDirectory(directory)) {
            return StreamResult.badRequest(PROPERTY + " '" + path + "' cannot be created: '" + directory
                    + "' is not a directory; choose a path under a directory");
        }
        if (!access.writable(directory)) {
            return StreamResult.failure(Failure.Reason.NOT_AUTHORIZED, PROPERTY + " '" + path + "': directory '"
                    + directory + "' is not writable by the Ferry process; grant write permission or choose another path");
        }
        return StreamResult.success();
    }

    /**
     * Creates the sink. Checks again (metadata only) so a message that skipped or outlived
     * {@link #validateRequest} yields a sink that fails with the reason rather than writing.
     */
    @Override
    public DataSink createSink(DataFlowStartMessage message) {
        StreamResult<Void> valid = validateRequest(message);
        if (valid.failed()) {
            return source -> java.util.concurrent.CompletableFuture.completedFuture(valid.asFailure());
        }
        Path path = FileAddress.path(message.destination(), SIDE).content();
        return new FileDataSink(path, AllowedRoots.realLocation(path), FileAddress.namesDirectory(message.destination()));
    }
}
