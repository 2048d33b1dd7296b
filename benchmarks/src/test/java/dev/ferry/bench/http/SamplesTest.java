package dev.ferry.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void reportsTheMedianThenEverySampleInTheOrderMeasured() {
        Samples samples = new Samples();
        for (double v : new double[] {30, 10, 20, 40}) {
            samples.add(v);
        }
        assertThat(samples.median()).isEqualTo(25.0);
        assertThat(samples.describe("%.0f")).isEqualTo("25 (30, 10, 20, 40)");
    }
}
