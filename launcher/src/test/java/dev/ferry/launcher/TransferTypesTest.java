package dev.ferry.launcher;

import static dev.ferry.launcher.TransferTypes.Role.SINK;
import static dev.ferry.launcher.TransferTypes.Role.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransferTypesTest {

    private final TransferTypes types = new TransferTypes();

    @Test
    void reportsATypeOnceItGainsARoleAndOnceItLosesIt() {
        assertThat(types.describe()).isEqualTo("none");
        assertThat(types.add("File", SOURCE)).isTrue();
        assertThat(types.add("File", SINK)).isTrue();
        assertThat(types.add("HttpData", SINK)).isTrue();
        assertThat(types.describe()).isEqualTo("File (source, sink), HttpData (sink)");
        assertThat(types.remove("File", SINK)).isTrue();
        assertThat(types.remove("File", SOURCE)).isTrue();
        assertThat(types.describe()).isEqualTo("HttpData (sink)");
    }

    @Test
    void aSecondServiceOfTheSameRoleIsNoNewsUntilTheLastGoes() {
        types.add("File", SOURCE);
        assertThat(types.add("File", SOURCE)).isFalse();
        assertThat(types.remove("File", SOURCE)).isFalse();
        assertThat(types.describe()).isEqualTo("File (source)");
        assertThat(types.remove("File", SOURCE)).isTrue();
        assertThat(types.remove("File", SOURCE)).isFalse();
    }
}
