package dev.ferry.launcher;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Substitutes {@code ${name}} in feature configurations, framework properties and flow files.
 * A name resolves to, in order: {@code ferry.home}, a Java system property ({@code -Dname=…} in
 * FERRY_OPTS), a feature's variable default. Immutable; thread-safe.
 */
final class Variables {

    static final String HOME = "ferry.home";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    private final Map<String, String> values;
    private final UnaryOperator<String> systemProperties;

    Variables(String home, Map<String, String> defaults, UnaryOperator<String> systemProperties) {
        var all = new java.util.HashMap<String, String>();
        defaults.forEach((k, v) -> {
            if (v != null) {
                all.put(k, v);
            }
        });
        all.put(HOME, home);
        this.values = all;
        this.systemProperties = systemProperties;
    }

    /** {@code text} with every reference replaced; {@code where} names the setting in the error. */
    String resolve(String text, String where) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), where)));
        }
        return m.appendTail(out).toString();
    }

    /** Resolves strings and string arrays; other values are returned as they are. */
    Object resolveValue(Object value, String where) {
        if (value instanceof String s) {
            return resolve(s, where);
        }
        if (value instanceof String[] array) {
            String[] copy = new String[array.length];
            for (int i = 0; i < array.length; i++) {
                copy[i] = resolve(array[i], where);
            }
            return copy;
        }
        return value;
    }

    private String value(String name, String where) {
        if (HOME.equals(name)) {
            return values.get(HOME);
        }
        String value = systemProperties.apply(name);
        if (value == null) {
            value = values.get(name);
        }
        if (value == null) {
            throw new LaunchException(where + ": unknown variable ${" + name + "}: set it with -D" + name
                    + "=... in FERRY_OPTS or give it a default in a feature's \"variables\"");
        }
        return value;
    }
}
