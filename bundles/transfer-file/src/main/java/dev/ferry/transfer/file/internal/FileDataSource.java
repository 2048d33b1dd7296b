package dev.ferry.transfer.file.internal;

import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.Part;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A file (one part, named by its file name) or a directory tree (every regular file as a part
 * named by its {@code /}-separated path relative to the directory). Symbolic links inside a
 * directory are skipped, so a tree under an allowed root cannot expose files outside it; so are a
 * File sink's temporary files, which are never complete data.
 * {@link #close()} closes every stream it handed out, which aborts reads in progress.
 */
final class FileDataSource implements DataSource {

    private final Path name;
    private final Path real;
    private final Failure refusal;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();

    /** A source of {@code real}, the resolved location of {@code name} as the user wrote it. */
    FileDataSource(Path name, Path real) {
        this.name = name;
        this.real = real;
        this.refusal = null;
    }

    /** A source that only reports {@code refusal}. */
    FileDataSource(Failure refusal) {
        this.name = null;
        this.real = null;
        this.refusal = refusal;
    }

    /** Lists the parts; a directory is walked lazily, so the caller closes the stream. */
    @Override
    public StreamResult<Stream<Part>> openPartStream() {
        if (refusal != null) {
            return StreamResult.failure(refusal);
        }
        if (closed.get()) {
            return StreamResult.failure(Failure.Reason.CANCELLED, "source '" + name + "' is closed");
        }
        try {
            BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class);
            if (attrs.isRegularFile()) {
                return StreamResult.success(Stream.of(new FilePart(name.getFileName().toString(), real, attrs.size(), this)));
            }
            return StreamResult.success(walk());
        } catch (NoSuchFileException e) {
            return StreamResult.failure(Failure.Reason.NOT_FOUND, "source.path '" + name + "' no longer exists");
        } catch (IOException | UncheckedIOException e) {
            return StreamResult.generalError("source.path '" + name + "' cannot be listed: " + e.getMessage());
        }
    }

    private Stream<Part> walk() throws IOException {
        Stream<Path> files = Files.walk(real);
        return files.<Part>mapMulti((path, sink) -> {
            BasicFileAttributes attrs = attributes(path);
            if (attrs.isRegularFile() && !Staging.isTempName(path.getFileName().toString())) {
                sink.accept(new FilePart(relativeName(path), path, attrs.size(), this));
            }
        }).onClose(files::close);
    }

    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String relativeName(Path file) {
        Path relative = real.relativize(file);
        return StreamSupport.stream(relative.spliterator(), false).map(Path::toString).collect(Collectors.joining("/"));
    }

    /** Tracks a stream handed out, so {@link #close()} can abort it; refuses once closed. */
    void track(Closeable stream) throws IOException {
        open.add(stream);
        if (closed.get()) {
            open.remove(stream);
            stream.close();
            // An interrupted-I/O type, so a sink treats it as a stop rather than an error.
            throw new java.io.InterruptedIOException("source '" + name + "' was closed");
        }
    }

    void untrack(Closeable stream) {
        open.remove(stream);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            for (Closeable stream : open) {
                try {
                    stream.close();
                } catch (IOException e) {
                    // Closing only to abort the reader; its own error will tell the story.
                }
            }
            open.clear();
        }
    }

    @Override
    public String toString() {
        return "FileDataSource[" + name + "]";
    }
}
