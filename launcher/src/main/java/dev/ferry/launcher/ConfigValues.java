package dev.ferry.launcher;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Array;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts feature configuration JSON to ConfigAdmin values: strings, Long, Double, Boolean and arrays
 * of those, or the type a key names after a colon ({@code "workers:Integer": 4}), as OSGi R8 features
 * allow. Stateless.
 */
final class ConfigValues {

    private ConfigValues() {
    }

    static Map<String, Object> properties(String pid, JsonObject json) {
        Map<String, Object> props = new LinkedHashMap<>();
        json.forEach((rawKey, value) -> {
            int colon = rawKey.indexOf(':');
            String key = colon < 0 ? rawKey : rawKey.substring(0, colon);
            String type = colon < 0 ? null : rawKey.substring(colon + 1);
            try {
                props.put(key, type == null ? natural(value) : typed(type, value));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("configuration " + pid + ", \"" + rawKey + "\": " + e.getMessage());
            }
        });
        return props;
    }

    private static Object natural(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? (Object) ((JsonNumber) value).longValueExact()
                    : (Object) ((JsonNumber) value).doubleValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case ARRAY -> naturalArray((JsonArray) value);
            default -> throw new IllegalArgumentException("use a string, number, boolean or array");
        };
    }

    private static Object naturalArray(JsonArray array) {
        if (array.isEmpty() || array.stream().allMatch(v -> v.getValueType() == JsonValue.ValueType.STRING)) {
            return array.stream().map(v -> ((JsonString) v).getString()).toArray(String[]::new);
        }
        if (array.stream().allMatch(v -> v instanceof JsonNumber n && n.isIntegral())) {
            return array.stream().map(v -> ((JsonNumber) v).longValueExact()).toArray(Long[]::new);
        }
        return typed("String[]", array);
    }

    /** Converts to the named type: String, Integer, Long, Double, Float, Boolean, Character or an array of one. */
    static Object typed(String type, JsonValue value) {
        if (type.endsWith("[]")) {
            String element = type.substring(0, type.length() - 2);
            JsonValue[] values = value.getValueType() == JsonValue.ValueType.ARRAY
                    ? ((JsonArray) value).toArray(JsonValue[]::new) : new JsonValue[] {value};
            return typedArray(element, values);
        }
        String text = value instanceof JsonString s ? s.getString() : value.toString();
        return switch (type) {
            case "String" -> text;
            case "Integer", "int" -> Integer.valueOf(text);
            case "Long", "long" -> Long.valueOf(text);
            case "Double", "double" -> Double.valueOf(text);
            case "Float", "float" -> Float.valueOf(text);
            case "Boolean", "boolean" -> Boolean.valueOf(text);
            case "Character", "char" -> text.charAt(0);
            default -> throw new IllegalArgumentException("unknown type '" + type
                    + "': use String, Integer, Long, Double, Float, Boolean, Character or one of them with []");
        };
    }

    private static Object typedArray(String element, JsonValue[] values) {
        Class<?> type = switch (element) {
            case "String" -> String.class;
            case "Integer", "int" -> Integer.class;
            case "Long", "long" -> Long.class;
            case "Double", "double" -> Double.class;
            case "Float", "float" -> Float.class;
            case "Boolean", "boolean" -> Boolean.class;
            case "Character", "char" -> Character.class;
            default -> throw new IllegalArgumentException("unknown type '" + element + "[]'");
        };
        Object result = Array.newInstance(type, values.length);
        for (int i = 0; i < values.length; i++) {
            Array.set(result, i, typed(element, values[i]));
        }
        return result;
    }
}
