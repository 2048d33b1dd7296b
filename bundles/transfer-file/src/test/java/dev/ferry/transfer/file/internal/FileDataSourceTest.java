package dev.ferry.transfer.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDataSourceTest {

    @TempDir
    Path tmp;

    private DataSource source(Path path) {
        FileDataSourceFactory factory = new FileDataSourceFactory(AllowedRoots.of(List.of(tmp.toString()), "test"));
        return factory.createSource(Messages.from(path));
    }

    private static List<Part> parts(DataSource source) {
        StreamResult<Stream<Part>> result = source.openPartStream();
        assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
        try (Stream<Part> parts = result.content()) {
            return parts.sorted(Comparator.comparing(Part::name)).toList();
        }
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aFileIsOnePartNamedByItsFileNameWithItsSize() throws IOException {
        Path file = Files.writeString(tmp.resolve("report.csv"), "a,b\n1,2\n");

        List<Part> parts = parts(source(file));

        assertThat(parts).singleElement().satisfies(part -> {
            assertThat(part.name()).isEqualTo("report.csv");
            assertThat(part.size()).isEqualTo(8);
            assertThat(read(part.openStream())).isEqualTo("a,b\n1,2\n");
        });
    }

    @Test
    void aDirectoryIsEveryRegularFileUnderItWithSlashSeparatedRelativeNames() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("in"));
        Files.writeString(dir.resolve("top.txt"), "top");
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/deep.txt"), "deep");
        Files.createDirectory(dir.resolve("empty"));

        List<Part> parts = parts(source(dir));

        Map<String, String> content = parts.stream().collect(Collectors.toMap(Part::name, p -> {
            try {
                return read(p.openStream());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        assertThat(content).containsExactlyInAnyOrderEntriesOf(Map.of("top.txt", "top", "a/b/deep.txt", "deep"));
    }

    @Test
    void symbolicLinksInsideADirectoryAreSkipped() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("in"));
        Files.writeString(dir.resolve("real.txt"), "real");
        Path secret = Files.writeString(Files.createTempFile("ferry-outside", ".txt"), "secret");
        try {
            Files.createSymbolicLink(dir.resolve("link.txt"), secret);

            assertThat(parts(source(dir))).extracting(Part::name).containsExactly("real.txt");
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void rangesReadTheRequestedBytesAndStopAtTheEndOfTheFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("digits.txt"), "0123456789");
        Part part = parts(source(file)).getFirst();

        assertThat(part.supportsRanges()).isTrue();
        assertThat(read(part.openRange(2, 3))).isEqualTo("234");
        assertThat(read(part.openRange(0, 10))).isEqualTo("0123456789");
        assertThat(read(part.openRange(8, 100))).isEqualTo("89");
        assertThat(read(part.openRange(10, 5))).isEmpty();
        // Ranges are independent: two open at once do not share a position.
        try (InputStream first = part.openRange(0, 5); InputStream second = part.openRange(5, 5)) {
            assertThat(first.read()).isEqualTo('0');
            assertThat(second.read()).isEqualTo('5');
            assertThat(first.read()).isEqualTo('1');
        }
        assertThatThrownBy(() -> part.openRange(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closingTheSourceAbortsOpenStreamsAndRefusesNewOnes() throws IOException {
        Path file = Files.writeString(tmp.resolve("data.txt"), "0123456789");
        DataSource source = source(file);
        Part part = parts(source).getFirst();
        InputStream whole = part.openStream();
        InputStream range = part.openRange(0, 10);
        assertThat(whole.read()).isEqualTo('0');

        source.close();

        assertThatThrownBy(whole::read).isInstanceOf(IOException.class);
        assertThatThrownBy(range::read).isInstanceOf(IOException.class);
        assertThatThrownBy(part::openStream).isInstanceOf(java.io.InterruptedIOException.class)
                .hasMessageContaining("was closed");
        assertThat(source.openPartStream().failure().reason()).isEqualTo(Failure.Reason.CANCELLED);
        source.close(); // idempotent
    }

    @Test
    void aFileDeletedAfterCreationIsReportedAsNotFound() throws IOException {
        Path file = Files.writeString(tmp.resolve("gone.txt"), "x");
        DataSource source = source(file);
        Files.delete(file);

        StreamResult<Stream<Part>> result = source.openPartStream();

        assertThat(result.failure().reason()).isEqualTo(Failure.Reason.NOT_FOUND);
        assertThat(result.failureMessage()).contains("source.path '" + file + "'");
    }

    @Test
    void aSourceCreatedForARefusedRequestReportsTheRefusal() {
        DataSource source = source(Path.of("/etc/passwd"));

        StreamResult<Stream<Part>> result = source.openPartStream();

        assertThat(result.failure().reason()).isEqualTo(Failure.Reason.NOT_AUTHORIZED);
        assertThat(result.failureMessage()).contains("source.path '/etc/passwd' is outside the allowed roots");
    }

    @Test
    void aSinksLeftoverTemporaryFilesAreNotParts() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("in"));
        Files.writeString(dir.resolve("data.txt"), "data");
        String temp = Staging.tempName("data.txt");
        Files.writeString(dir.resolve(temp), "half");

        assertThat(Staging.isTempName(temp)).isTrue();
        assertThat(Staging.isTempName(".data.txt")).isFalse();
        assertThat(parts(source(dir))).extracting(Part::name).containsExactly("data.txt");
    }
}
