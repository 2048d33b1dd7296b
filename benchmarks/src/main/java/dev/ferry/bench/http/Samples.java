package dev.ferry.bench.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Samples of one measured quantity; reported as the median with every sample beside it. */
final class Samples {

    private final List<Double> values = new ArrayList<>();

    void add(double value) {
        values.add(value);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    double median() {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** e.g. {@code 812 (790, 812, 840)}: the median, then every sample in the order measured. */
    String describe(String format) {
        return String.format(Locale.ROOT, format, median()) + " ("
                + values.stream().map(v -> String.format(Locale.ROOT, format, v)).collect(Collectors.joining(", ")) + ")";
    }
}
