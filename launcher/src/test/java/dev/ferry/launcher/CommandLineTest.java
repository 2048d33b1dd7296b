package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void noArgumentsRunsTheDefaultFeature() {
        assertThat(CommandLine.parse()).isEqualTo(new CommandLine(CommandLine.Command.RUN, java.util.List.of("ferry-default"), null));
    }

    @Test
    void featuresAreRepeatableOrCommaSeparated() {
        assertThat(CommandLine.parse("--feature", "ferry-runtime", "-f", "a,b", "--feature=c").features())
                .containsExactly("ferry-runtime", "a", "b", "c");
    }

    @Test
    void transferTakesAFlowFileAndFeaturesInAnyOrder() {
        CommandLine c = CommandLine.parse("transfer", "--feature", "x", "flow.json");
        assertThat(c.command()).isEqualTo(CommandLine.Command.TRANSFER);
        assertThat(c.flowFile()).isEqualTo("flow.json");
        assertThat(c.features()).containsExactly("x");
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> CommandLine.parse("transfer")).hasMessageContaining("ferry transfer flow.json");
        assertThatThrownBy(() -> CommandLine.parse("--feature")).hasMessageContaining("needs a feature name");
        assertThatThrownBy(() -> CommandLine.parse("--verbose")).hasMessageContaining("unknown option --verbose");
        assertThatThrownBy(() -> CommandLine.parse("run", "extra")).hasMessageContaining("unexpected argument 'extra'");
    }

    @Test
    void helpWins() {
        assertThat(CommandLine.parse("--help").command()).isEqualTo(CommandLine.Command.HELP);
        assertThat(CommandLine.parse("help").command()).isEqualTo(CommandLine.Command.HELP);
    }
}
