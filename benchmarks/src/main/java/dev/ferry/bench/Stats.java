package dev.ferry.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Samples of one measured thing, reported as median (and min/max), in the unit given. */
final class Stats {

    private final List<Double> samples = new ArrayList<>();

    void add(double value) {
        samples.add(value);
    }

    double median() {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    String describe(String unit) {
        return String.format("median %.2f %s (min %.2f, max %.2f, n=%d)", median(), unit,
                Collections.min(samples), Collections.max(samples), samples.size());
    }
}
