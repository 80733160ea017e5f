package dev.offload.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of one table's keys for the binder. A wrong type is {@code <file>:<line>:<column>: <dotted.key>:
 * expected <type>, found <type>}; float keys also accept integers (SPEC §4.2 step 4).
 */
final class Fields {
    private final ConfigFile file;
    private final Node table;

    Fields(ConfigFile file, Node table) {
        this.file = file;
        this.table = table;
    }

    Node node() {
        return table;
    }

    String dotted(String key) {
        return table.key().isEmpty() ? key : table.key() + "." + key;
    }

    Optional<Node> raw(String key) {
        return Optional.ofNullable(table.children().get(key));
    }

    Optional<String> string(String key) throws ConfigException {
        Optional<Node> node = raw(key);
        return node.isPresent() ? Optional.of(asString(node.get())) : Optional.empty();
    }

    String string(String key, String fallback) throws ConfigException {
        return string(key).orElse(fallback);
    }

    String requiredString(String key) throws ConfigException {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            throw file.error("missing required key '" + dotted(key) + "'");
        }
        return value.get();
    }

    int integer(String key, int fallback) throws ConfigException {
        Optional<Node> node = raw(key);
        if (node.isEmpty()) {
            return fallback;
        }
        Object value = node.get().value();
        if (!(value instanceof Long l)) {
            throw typeError(node.get(), "integer");
        }
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw file.error(node.get(), "integer " + l + " is out of range");
        }
        return l.intValue();
    }

    boolean bool(String key, boolean fallback) throws ConfigException {
        Optional<Node> node = raw(key);
        if (node.isEmpty()) {
            return fallback;
        }
        if (!(node.get().value() instanceof Boolean b)) {
            throw typeError(node.get(), "boolean");
        }
        return b;
    }

    Optional<Double> number(String key) throws ConfigException {
        Optional<Node> node = raw(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        Object value = node.get().value();
        if (value instanceof Double d) {
            return Optional.of(d);
        }
        if (value instanceof Long l) {
            return Optional.of(l.doubleValue());
        }
        throw typeError(node.get(), "float");
    }

    double number(String key, double fallback) throws ConfigException {
        return number(key).orElse(fallback);
    }

    Optional<List<String>> strings(String key) throws ConfigException {
        Optional<Node> node = raw(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (!(node.get().value() instanceof List)) {
            throw typeError(node.get(), "array");
        }
        List<String> values = new ArrayList<>();
        for (Node element : node.get().elements()) {
            values.add(asString(element));
        }
        return Optional.of(List.copyOf(values));
    }

    List<String> strings(String key, List<String> fallback) throws ConfigException {
        return strings(key).orElse(fallback);
    }

    /** A table of strings such as {@code env}; keeps file order. */
    Map<String, String> stringTable(String key) throws ConfigException {
        Optional<Fields> sub = table(key);
        Map<String, String> values = new LinkedHashMap<>();
        if (sub.isPresent()) {
            for (Map.Entry<String, Node> child : sub.get().node().children().entrySet()) {
                values.put(child.getKey(), asString(child.getValue()));
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /** A free-form table such as {@code experimental_options}, as plain Java values. */
    Map<String, Object> anyTable(String key) throws ConfigException {
        Optional<Fields> sub = table(key);
        return sub.isPresent() ? plainTable(sub.get().node()) : Map.of();
    }

    Optional<Fields> table(String key) throws ConfigException {
        Optional<Node> node = raw(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (!node.get().isTable()) {
            throw typeError(node.get(), "table");
        }
        return Optional.of(new Fields(file, node.get()));
    }

    Fields requiredTable(String key) throws ConfigException {
        Optional<Fields> sub = table(key);
        if (sub.isEmpty()) {
            throw file.error("missing required key '" + dotted(key) + "'");
        }
        return sub.get();
    }

    private String asString(Node node) throws ConfigException {
        if (!(node.value() instanceof String s)) {
            throw typeError(node, "string");
        }
        return s;
    }

    private ConfigException typeError(Node node, String expected) {
        return file.error(node, "expected " + expected + ", found " + node.typeName());
    }

    private static Map<String, Object> plainTable(Node table) {
        Map<String, Object> values = new LinkedHashMap<>();
        table.children().forEach((k, v) -> values.put(k, plain(v)));
        return Collections.unmodifiableMap(values);
    }

    private static Object plain(Node node) {
        if (node.isTable()) {
            return plainTable(node);
        }
        if (node.value() instanceof List) {
            return node.elements().stream().map(Fields::plain).toList();
        }
        return node.value();
    }
}
