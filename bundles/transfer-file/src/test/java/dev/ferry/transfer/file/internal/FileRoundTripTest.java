package dev.ferry.transfer.file.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSinkFactory;
import dev.ferry.spi.pipeline.DataSourceFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File to File through the factories; the directory case is File-specific. */
class FileRoundTripTest extends SourceSinkRoundTripTestBase {

    @TempDir
    Path tmp;
    Path in;
    Path out;
    AllowedRoots roots;

    @BeforeEach
    void dirs() throws IOException {
        in = Files.createDirectory(tmp.resolve("in"));
        out = Files.createDirectory(tmp.resolve("out"));
        roots = AllowedRoots.of(List.of(tmp.toString()), "test");
    }

    @Override
    protected DataSourceFactory sourceFactory() {
        return new FileDataSourceFactory(roots);
    }

    @Override
    protected DataSinkFactory sinkFactory() {
        return new FileDataSinkFactory(roots);
    }

    @Override
    protected DataAddress storeSource(String name, byte[] content) throws IOException {
        return Messages.file(Files.write(in.resolve(name), content));
    }

    @Override
    protected DataAddress destination(String name) {
        return Messages.file(out.resolve(name));
    }

    @Override
    protected byte[] readDestination(String name) throws IOException {
        return Files.readAllBytes(out.resolve(name));
    }

    @Test
    void aDirectoryTreeCrossesUnchangedWithItsRelativeNames() throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("a.bin", random(3 * 1024 * 1024, 1));
        files.put("nested/b.bin", random(1000, 2));
        files.put("nested/deeper/c.bin", random(0, 3));
        for (var file : files.entrySet()) {
            Path path = in.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }

        StreamResult<Object> result = transfer(Messages.file(in), Messages.file(out.resolve("copy")));

        assertThat(result.failure()).isNull();
        Map<String, String> copied = new TreeMap<>();
        Path copy = out.resolve("copy");
        try (Stream<Path> walk = Files.walk(copy)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                copied.put(copy.relativize(p).toString(), sha256(Files.readAllBytes(p)));
            }
        }
        Map<String, String> expected = new TreeMap<>();
        for (var file : files.entrySet()) {
            expected.put(file.getKey(), sha256(file.getValue()));
        }
        assertThat(copied).isEqualTo(expected);
    }
}
