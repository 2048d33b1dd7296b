package dev.ferry.transfer.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllowedRootsTest {

    @TempDir
    Path tmp;

    private AllowedRoots rootsAt(Path... roots) {
        return AllowedRoots.of(java.util.Arrays.stream(roots).map(Path::toString).toList(), "allowedRoots in ferry.transfer.file");
    }

    @Test
    void allowsPathsUnderARootIncludingOnesNotYetCreated() throws IOException {
        Path root = Files.createDirectory(tmp.resolve("data"));
        AllowedRoots roots = rootsAt(root);

        assertThat(roots.check("source.path", root)).isEmpty();
        assertThat(roots.check("source.path", root.resolve("a/b/new.bin"))).isEmpty();
    }

    @Test
    void refusesASiblingThatSharesTheRootsNamePrefix() throws IOException {
        Path root = Files.createDirectory(tmp.resolve("data"));
        Path sibling = Files.createDirectory(tmp.resolve("data-secret"));

        assertThat(rootsAt(root).check("source.path", sibling.resolve("x"))).isPresent();
    }

    @Test
    void refusesDotDotEscapesWithAMessageNamingPropertyPathAndFix() throws IOException {
        Path root = Files.createDirectory(tmp.resolve("data"));
        Path escape = Path.of(root + "/../outside.txt");

        Path realRoot = root.toRealPath();
        assertThat(rootsAt(root).check("source.path", escape)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("source.path '" + escape + "'")
                .contains("is outside the allowed roots [" + realRoot + "]")
                .endsWith("add its directory to allowedRoots in ferry.transfer.file"));
    }

    @Test
    void refusesASymlinkInsideTheRootThatPointsOutside() throws IOException {
        Path root = Files.createDirectory(tmp.resolve("data"));
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Path link = Files.createSymbolicLink(root.resolve("link"), outside);

        AllowedRoots roots = rootsAt(root);
        Path target = outside.toRealPath().resolve("secret.txt");
        assertThat(roots.check("source.path", link.resolve("secret.txt"))).hasValueSatisfying(message ->
                assertThat(message).contains("resolves to '" + target + "'"));
        // '..' after a link climbs from the link's target, as the kernel does, not lexically.
        Path deep = Files.createDirectories(outside.resolve("deep"));
        Files.createSymbolicLink(root.resolve("deeplink"), deep);
        assertThat(roots.check("source.path", Path.of(root + "/deeplink/../secret.txt"))).isPresent();
    }

    @Test
    void aRootCreatedAfterConfigurationBehindALinkIsResolvedWhenChecked() throws IOException {
        Path target = Files.createDirectory(tmp.resolve("target"));
        Files.createSymbolicLink(tmp.resolve("link"), target);
        AllowedRoots roots = rootsAt(tmp.resolve("link/data"));
        Path file = Files.writeString(Files.createDirectory(target.resolve("data")).resolve("x.txt"), "x");

        assertThat(roots.check("source.path", file)).isEmpty();
        assertThat(roots.check("source.path", target.resolve("other.txt"))).isPresent();
    }

    @Test
    void emptyRootsRefuseEverythingAndSayWhatToConfigure() {
        AllowedRoots none = AllowedRoots.fromConfig(new String[0]);

        assertThat(none.check("destination.path", tmp)).hasValueSatisfying(message -> assertThat(message)
                .contains("destination.path '" + tmp + "'")
                .contains("no allowed roots are configured")
                .contains("allowedRoots in ferry.transfer.file"));
    }

    @Test
    void configAcceptsCommaSeparatedRootsAndIgnoresBlanks() throws IOException {
        Path a = Files.createDirectory(tmp.resolve("a"));
        Path b = Files.createDirectory(tmp.resolve("b"));

        AllowedRoots roots = AllowedRoots.fromConfig(new String[] {a + "," + b, " "});

        assertThat(roots.roots()).containsExactly(a.toRealPath(), b.toRealPath());
    }

    @Test
    void relativeRootsFailAtConfigurationTime() {
        assertThatThrownBy(() -> AllowedRoots.fromConfig(new String[] {"data"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allowedRoots in ferry.transfer.file")
                .hasMessageContaining("'data' is relative");
    }

    @Test
    void systemDefaultsAreTheWorkingDirectoryAndTmpdirWhenThePropertyIsUnset() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty(AllowedRoots.SYSTEM_PROPERTY) == null);

        assertThat(AllowedRoots.fromSystem().roots()).containsExactly(
                AllowedRoots.realLocation(Path.of(System.getProperty("user.dir"))),
                AllowedRoots.realLocation(Path.of(System.getProperty("java.io.tmpdir"))));
    }
}
