package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MavenIdTest {

    @Test
    void mapsTheFeatureFormsToMavenFileNames() {
        assertThat(MavenId.parse("org.apache.felix:org.apache.felix.scr:2.2.18").fileName()).isEqualTo("org.apache.felix.scr-2.2.18.jar");
        assertThat(MavenId.parse("g:a:zip:1.0").fileName()).isEqualTo("a-1.0.zip");
        assertThat(MavenId.parse("g:a:jar:tests:1.0").fileName()).isEqualTo("a-1.0-tests.jar");
    }

    @Test
    void keyIgnoresTheVersionSoFeaturesCanBeCompared() {
        assertThat(MavenId.parse("g:a:1").key()).isEqualTo(MavenId.parse("g:a:2").key());
    }

    @Test
    void refusesWhatIsNoMavenIdAndSaysTheForm() {
        assertThatThrownBy(() -> MavenId.parse("just-a-name")).hasMessageContaining("groupId:artifactId:version");
        assertThatThrownBy(() -> MavenId.parse("g::1")).hasMessageContaining("groupId:artifactId:version");
    }
}
