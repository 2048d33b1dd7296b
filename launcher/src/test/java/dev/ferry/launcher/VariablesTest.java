package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VariablesTest {

    private final Variables variables = new Variables("/opt/ferry", Map.of("port", "8080", "none", "x"),
            name -> name.equals("port") ? "9090" : null);

    @Test
    void substitutesHomeThenSystemPropertiesThenFeatureDefaults() {
        assertThat(variables.resolve("${ferry.home}/data", "w")).isEqualTo("/opt/ferry/data");
        assertThat(variables.resolve("${port}", "w")).isEqualTo("9090");
        assertThat(variables.resolve("a${none}b${none}", "w")).isEqualTo("axbx");
        assertThat((String[]) variables.resolveValue(new String[] {"${ferry.home}"}, "w")).containsExactly("/opt/ferry");
        assertThat(variables.resolveValue(5L, "w")).isEqualTo(5L);
    }

    @Test
    void anUnknownVariableSaysWhereAndHowToSetIt() {
        assertThatThrownBy(() -> variables.resolve("${nope}", "configuration x, y"))
                .hasMessageContaining("configuration x, y: unknown variable ${nope}").hasMessageContaining("-Dnope=");
    }

    @Test
    void dollarSignsInReplacementsStayLiteral() {
        assertThat(new Variables("/a$1", Map.of(), n -> null).resolve("${ferry.home}", "w")).isEqualTo("/a$1");
    }
}
