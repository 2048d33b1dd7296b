package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigValuesTest {

    private static Map<String, Object> props(String json) {
        return ConfigValues.properties("pid", Json.createReader(new StringReader(json)).readObject());
    }

    @Test
    void jsonValuesBecomeConfigAdminTypes() {
        Map<String, Object> p = props("{\"s\":\"x\",\"n\":5,\"d\":1.5,\"b\":true,\"a\":[\"x\",\"y\"],\"e\":[],\"l\":[1,2]}");
        assertThat(p.get("s")).isEqualTo("x");
        assertThat(p.get("n")).isEqualTo(5L);
        assertThat(p.get("d")).isEqualTo(1.5);
        assertThat(p.get("b")).isEqualTo(true);
        assertThat((String[]) p.get("a")).containsExactly("x", "y");
        assertThat((String[]) p.get("e")).isEmpty();
        assertThat((Long[]) p.get("l")).containsExactly(1L, 2L);
    }

    @Test
    void aTypeAfterTheColonConvertsTheValueAndIsDroppedFromTheKey() {
        Map<String, Object> p = props("{\"workers:Integer\":4,\"port:Integer\":\"8080\",\"roots:String[]\":\"/a\",\"ns:Integer[]\":[1,2]}");
        assertThat(p).containsEntry("workers", 4).containsEntry("port", 8080);
        assertThat((String[]) p.get("roots")).containsExactly("/a");
        assertThat((Integer[]) p.get("ns")).containsExactly(1, 2);
    }

    @Test
    void anUnknownTypeNamesThePidAndKey() {
        assertThatThrownBy(() -> props("{\"x:Widget\":1}")).hasMessageContaining("configuration pid, \"x:Widget\"")
                .hasMessageContaining("unknown type 'Widget'");
    }
}
