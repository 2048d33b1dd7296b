package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCatalogTest {

    @TempDir
    Path dir;

    private void feature(String name, String json) throws IOException {
        Files.writeString(dir.resolve(name + ".json"), json);
    }

    private static String includes(String... names) {
        StringBuilder s = new StringBuilder("\"extensions\": {\"ferry-includes\": {\"type\": \"ARTIFACTS\", \"kind\": \"mandatory\", \"artifacts\": [");
        for (int i = 0; i < names.length; i++) {
            s.append(i == 0 ? "" : ",").append("{\"id\": \"dev.ferry:").append(names[i]).append(":1\"}");
        }
        return s.append("]}}").toString();
    }

    @Test
    void mergesIncludedFeaturesFirstAndSortsBundlesByStartOrder() throws IOException {
        feature("runtime", """
                {"id": "dev.ferry:runtime:1", "bundles": [{"id": "g:scr:1", "start-order": 1}, {"id": "g:fileinstall:1", "start-order": 2}],
                 "configurations": {"a": {"x": "runtime"}},
                 "extensions": {"framework-launching-properties": {"type": "JSON", "kind": "mandatory", "json": {"p": "${ferry.home}", "n": 5}}}}""");
        feature("core", """
                {"id": "dev.ferry:core:1", "bundles": ["g:core:1", {"id": "g:scr:1", "start-order": 5}],
                 "configurations": {"a": {"x": "core"}, "b": {"y": 1}}}""");
        feature("node", "{\"id\": \"dev.ferry:node:1\", \"bundles\": [{\"id\": \"g:transfer:1\", \"start-order\": 10}], "
                + includes("runtime", "core") + "}");

        NodePlan plan = new FeatureCatalog(dir).plan(List.of("node"));

        assertThat(plan.features()).containsExactly("runtime", "core", "node");
        assertThat(plan.bundles()).extracting(b -> b.id().artifactId() + "@" + b.startOrder())
                .containsExactly("scr@1", "fileinstall@2", "transfer@10", "core@20");
        assertThat(plan.configurations().get("a")).containsEntry("x", "core");
        assertThat(plan.configurations()).containsKey("b");
        assertThat(plan.frameworkProperties()).containsEntry("p", "${ferry.home}").containsEntry("n", "5");
    }

    @Test
    void aFeatureIncludedTwiceIsUsedOnce() throws IOException {
        feature("base", "{\"id\": \"dev.ferry:base:1\", \"bundles\": [\"g:b:1\"]}");
        feature("x", "{\"id\": \"dev.ferry:x:1\", " + includes("base") + "}");
        feature("y", "{\"id\": \"dev.ferry:y:1\", " + includes("base") + "}");
        NodePlan plan = new FeatureCatalog(dir).plan(List.of("x", "y"));
        assertThat(plan.features()).containsExactly("base", "x", "y");
        assertThat(plan.bundles()).hasSize(1);
    }

    @Test
    void aFeatureCanBeGivenByPath() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere")).resolve("mine.json");
        Files.writeString(elsewhere, "{\"id\": \"me:mine:1\", \"bundles\": [\"g:m:1\"]}");
        assertThat(new FeatureCatalog(dir).plan(List.of(elsewhere.toString())).features()).containsExactly("mine");
    }

    @Test
    void anUnknownFeatureListsTheKnownOnes() throws IOException {
        feature("ferry-core", "{\"id\": \"dev.ferry:ferry-core:1\"}");
        assertThatThrownBy(() -> new FeatureCatalog(dir).plan(List.of("ferry-kore")))
                .hasMessageContaining("feature 'ferry-kore' not found").hasMessageContaining("features here: ferry-core");
    }

    @Test
    void twoVersionsOfOneBundleAreRefusedNamingBothFeatures() throws IOException {
        feature("a", "{\"id\": \"dev.ferry:a:1\", \"bundles\": [\"g:lib:1\"]}");
        feature("b", "{\"id\": \"dev.ferry:b:1\", \"bundles\": [\"g:lib:2\"]}");
        assertThatThrownBy(() -> new FeatureCatalog(dir).plan(List.of("a", "b")))
                .hasMessageContaining("g:lib is 1 in feature a but 2 in feature b");
    }

    @Test
    void includeCyclesAreRefused() throws IOException {
        feature("a", "{\"id\": \"dev.ferry:a:1\", " + includes("b") + "}");
        feature("b", "{\"id\": \"dev.ferry:b:1\", " + includes("a") + "}");
        assertThatThrownBy(() -> new FeatureCatalog(dir).plan(List.of("a"))).hasMessageContaining("cycle: a.json -> b.json -> a.json");
    }

    @Test
    void anUnknownMandatoryExtensionIsRefusedAndAnOptionalOneIgnored() throws IOException {
        feature("m", "{\"id\": \"dev.ferry:m:1\", \"extensions\": {\"x\": {\"type\": \"TEXT\", \"kind\": \"mandatory\", \"text\": \"\"}}}");
        feature("o", "{\"id\": \"dev.ferry:o:1\", \"extensions\": {\"x\": {\"type\": \"TEXT\", \"kind\": \"optional\", \"text\": \"\"}}}");
        assertThatThrownBy(() -> new FeatureCatalog(dir).plan(List.of("m"))).hasMessageContaining("extension \"x\" is mandatory");
        assertThat(new FeatureCatalog(dir).plan(List.of("o")).features()).containsExactly("o");
    }

    @Test
    void theShippedFeaturesParseAndTheDefaultNodeHasRuntimeCoreAndFile() {
        NodePlan plan = new FeatureCatalog(Path.of("../features")).plan(List.of("ferry-default"));
        assertThat(plan.features()).contains("ferry-runtime", "ferry-core", "ferry-file");
        assertThat(plan.bundles()).extracting(b -> b.id().artifactId())
                .contains("org.apache.felix.scr", "org.apache.felix.configadmin", "ferry-core", "ferry-transfer-file");
        assertThat(plan.configurations()).containsKeys("ferry.manager", "ferry.transfer.file");
        assertThat(plan.frameworkProperties()).containsEntry("felix.fileinstall.enableConfigSave", "false");
    }
}
