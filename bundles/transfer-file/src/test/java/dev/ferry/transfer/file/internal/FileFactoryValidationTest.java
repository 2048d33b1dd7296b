package dev.ferry.transfer.file.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the File factories refuse in validateRequest, and how they say it. */
class FileFactoryValidationTest {

    @TempDir
    Path tmp;
    Path root;
    AllowedRoots roots;

    /** Denies what the test names; a root-run machine would grant everything. */
    record DenyingAccess(Path denied) implements FileAccess {
        @Override
        public boolean readable(Path path) {
            return !path.equals(denied);
        }

        @Override
        public boolean writable(Path directory) {
            return !directory.equals(denied);
        }
    }

    @BeforeEach
    void roots() throws IOException {
        root = Files.createDirectory(tmp.resolve("data")).toRealPath();
        roots = AllowedRoots.of(List.of(root.toString()), "allowedRoots in ferry.transfer.file");
    }

    private StreamResult<Void> validateSource(String path) {
        return new FileDataSourceFactory(roots).validateRequest(Messages.push(Messages.file(path), Messages.file(root.resolve("out"))));
    }

    private StreamResult<Void> validateSink(String path) {
        return new FileDataSinkFactory(roots).validateRequest(Messages.push(Messages.file(root.resolve("in")), Messages.file(path)));
    }

    @Test
    void sourceOutsideTheRootsIsRefusedNamingPropertyPathRootsAndFix() {
        StreamResult<Void> result = validateSource("/etc/passwd");

        assertThat(result.failure().reason()).isEqualTo(Failure.Reason.NOT_AUTHORIZED);
        assertThat(result.failureMessage()).isEqualTo("source.path '/etc/passwd' is outside the allowed roots [" + root
                + "]; add its directory to allowedRoots in ferry.transfer.file");
    }

    @Test
    void sourceEscapingWithDotDotIsRefused() throws IOException {
        Files.writeString(tmp.resolve("secret.txt"), "secret");

        StreamResult<Void> result = validateSource(root + "/../secret.txt");

        assertThat(result.failureMessage()).startsWith("source.path '" + root + "/../secret.txt'").contains("outside the allowed roots");
    }

    @Test
    void missingSourceIsNotFound() {
        StreamResult<Void> result = validateSource(root + "/nothing.bin");

        assertThat(result.failure().reason()).isEqualTo(Failure.Reason.NOT_FOUND);
        assertThat(result.failureMessage()).contains("source.path '" + root + "/nothing.bin' does not exist");
    }

    @Test
    void unreadableSourceIsRefused() throws IOException {
        Path file = Files.writeString(root.resolve("locked.bin"), "x");
        var factory = new FileDataSourceFactory(roots, new DenyingAccess(file));

        StreamResult<Void> result = factory.validateRequest(Messages.from(file));

        assertThat(result.failure().reason()).isEqualTo(Failure.Reason.NOT_AUTHORIZED);
        assertThat(result.failureMessage()).isEqualTo("source.path '" + file + "' is not readable by the Ferry process: grant it read permission");
    }

    @Test
    void readableFileAndDirectoryInsideTheRootsPass() throws IOException {
        Path file = Files.writeString(root.resolve("ok.bin"), "x");

        assertThat(validateSource(file.toString()).succeeded()).isTrue();
        assertThat(validateSource(root.toString()).succeeded()).isTrue();
    }

    @Test
    void missingOrRelativePathsAreBadRequestsNamingTheProperty() {
        var factory = new FileDataSourceFactory(roots);
        var noPath = Messages.push(new DataAddress("File", Map.of()), Messages.file(root.resolve("out")));

        assertThat(factory.validateRequest(noPath).failureMessage()).startsWith("source.path is missing");
        assertThat(validateSource("data/x.bin").failureMessage()).isEqualTo("source.path 'data/x.bin' is relative: use an absolute path");
        assertThat(validateSink("out/").failure().reason()).isEqualTo(Failure.Reason.BAD_REQUEST);
    }

    @Test
    void emptyRootsRefuseEverythingAndSayToConfigureAllowedRoots() throws IOException {
        Path file = Files.writeString(root.resolve("ok.bin"), "x");
        var factory = new FileDataSourceFactory(AllowedRoots.fromConfig(new String[0]));

        StreamResult<Void> result = factory.validateRequest(Messages.from(file));

        assertThat(result.failureMessage()).contains("no allowed roots are configured").contains("allowedRoots in ferry.transfer.file");
    }

    @Test
    void sinkOutsideTheRootsOrEscapingWithDotDotIsRefused() {
        assertThat(validateSink("/etc/ferry-out.bin").failureMessage())
                .startsWith("destination.path '/etc/ferry-out.bin' is outside the allowed roots");
        assertThat(validateSink(root + "/../escape.bin").failure().reason()).isEqualTo(Failure.Reason.NOT_AUTHORIZED);
    }

    @Test
    void sinkMayNameAFileOrDirectoryNotYetCreatedUnderAWritableDirectory() {
        assertThat(validateSink(root + "/new/deeper/file.bin").succeeded()).isTrue();
        assertThat(validateSink(root + "/newdir/").succeeded()).isTrue();
    }

    @Test
    void sinkWhoseParentIsNotWritableIsRefusedNamingTheDirectory() {
        var factory = new FileDataSinkFactory(roots, new DenyingAccess(root));

        StreamResult<Void> result = factory.validateRequest(Messages.to(root + "/a/out.bin"));

        assertThat(result.failure().reason()).isEqualTo(Failure.Reason.NOT_AUTHORIZED);
        assertThat(result.failureMessage()).isEqualTo("destination.path '" + root + "/a/out.bin': directory '" + root
                + "' is not writable by the Ferry process; grant write permission or choose another path");
    }

    @Test
    void sinkBelowAnExistingFileIsRefused() throws IOException {
        Path file = Files.writeString(root.resolve("plain.txt"), "x");

        StreamResult<Void> result = validateSink(file + "/child.bin");

        assertThat(result.failure().reason()).isEqualTo(Failure.Reason.BAD_REQUEST);
        assertThat(result.failureMessage()).contains("'" + file + "' is not a directory");
    }

    @Test
    void sinkInsideADirectorySourceIsRefused() throws IOException {
        Path in = Files.createDirectory(root.resolve("in"));
        var factory = new FileDataSinkFactory(roots);

        StreamResult<Void> inside = factory.validateRequest(Messages.push(Messages.file(in), Messages.file(in + "/copy")));
        StreamResult<Void> beside = factory.validateRequest(Messages.push(Messages.file(in), Messages.file(root + "/copy")));

        assertThat(inside.failureMessage()).isEqualTo("destination.path '" + in + "/copy' is inside source.path '" + in
                + "'; choose a destination outside the source directory");
        assertThat(beside.succeeded()).isTrue();
    }
}
