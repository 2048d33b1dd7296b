package dev.ferry.transfer.file.internal;

import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.Part;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Writes a source's parts under a path: a single part to the path itself (unless the path is an
 * existing directory or ends with {@code /}), otherwise each part under the path as a directory,
 * keeping relative names. Works on the calling thread and returns a completed future; an
 * interrupt or a closed source stops it within one chunk, and a failure leaves nothing behind
 * (see {@link Staging}).
 */
final class FileDataSink implements DataSink {

    private static final String PROPERTY = "destination." + FileTransfer.PATH;

    private final Path name;
    private final Path real;
    private final boolean namesDirectory;

    /** A sink to {@code real}, the resolved location of {@code name}; {@code namesDirectory} when it ended with '/'. */
    FileDataSink(Path name, Path real, boolean namesDirectory) {
        this.name = name;
        this.real = real;
        this.namesDirectory = namesDirectory;
    }

    /** The summary a successful transfer returns. */
    record Written(Path path, int files, long bytes) {
    }

    @Override
    public CompletableFuture<StreamResult<Object>> transfer(DataSource source) {
        StreamResult<Stream<Part>> parts = source.openPartStream();
        if (parts.failed()) {
            return CompletableFuture.completedFuture(parts.asFailure());
        }
        Staging staging = new Staging();
        String current = null;
        try (Stream<Part> stream = parts.content()) {
            PartCopier copier = new PartCopier();
            Iterator<Part> it = stream.iterator();
            Part first = it.hasNext() ? it.next() : null;
            long bytes = 0;
            if (first != null && !it.hasNext() && !namesDirectory && !Files.isDirectory(real)) {
                current = first.name();
                bytes = write(first, real, staging, copier);
            } else {
                staging.createDirectories(real);
                for (Part part = first; part != null; part = it.hasNext() ? it.next() : null) {
                    current = part.name();
                    bytes += write(part, inside(part.name()), staging, copier);
                }
            }
            current = null;
            int files = staging.fileCount();
            staging.commit();
            return CompletableFuture.completedFuture(StreamResult.success(new Written(name, files, bytes)));
        } catch (RefusedName e) {
            staging.rollback();
            return done(StreamResult.badRequest(e.getMessage()));
        } catch (InterruptedIOException | ClosedChannelException e) {
            staging.rollback();
            return done(cancelled(current));
        } catch (IOException | RuntimeException e) {
            staging.rollback();
            if (Thread.currentThread().isInterrupted()) {
                return done(cancelled(current));
            }
            return done(StreamResult.generalError(describe(current, e)));
        }
    }

    private static long write(Part part, Path target, Staging staging, PartCopier copier) throws IOException {
        long copied;
        try (FileChannel out = staging.open(target)) {
            copied = copier.copy(part, out);
        }
        if (part.size() != Part.UNKNOWN_SIZE && copied != part.size()) {
            throw new IOException("read " + copied + " bytes but the source announced " + part.size()
                    + " (did it change during the transfer?)");
        }
        return copied;
    }

    /** The target of {@code partName} under the directory; refuses names that lead outside it. */
    private Path inside(String partName) throws RefusedName {
        Path target;
        try {
            target = real.resolve(partName).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new RefusedName("part '" + partName + "' is not a valid file name here: " + e.getReason());
        }
        if (partName.startsWith("/") || !target.startsWith(real) || target.equals(real)) {
            throw new RefusedName("part '" + partName + "' would be written outside " + PROPERTY + " '" + name
                    + "'; part names must be relative and must not climb out with '..'");
        }
        return target;
    }

    private StreamResult<Object> cancelled(String part) {
        return StreamResult.failure(Failure.Reason.CANCELLED, "transfer to " + PROPERTY + " '" + name + "' was stopped"
                + (part == null ? "" : " while writing part '" + part + "'") + "; nothing was left behind");
    }

    private String describe(String part, Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        return "writing " + (part == null ? "" : "part '" + part + "' to ") + PROPERTY + " '" + name + "' failed: "
                + cause.getClass().getSimpleName() + ": " + cause.getMessage() + "; nothing was left behind";
    }

    private static CompletableFuture<StreamResult<Object>> done(StreamResult<Object> result) {
        return CompletableFuture.completedFuture(result);
    }

    /** A part name that would escape the destination directory. */
    private static final class RefusedName extends IOException {
        RefusedName(String message) {
            super(message);
        }
    }
}
