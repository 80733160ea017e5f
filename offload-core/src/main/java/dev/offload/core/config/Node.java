package dev.offload.core.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One value of the parsed file with its dotted key ({@code groups.unit.filters}, {@code framework.paths[1]}) and the
 * position of its key or array element. {@code value} is a String, Long, Double, Boolean, {@code List<Node>}, an
 * insertion-ordered {@code Map<String, Node>} (a table) or a TOML date/time object.
 */
record Node(String key, Object value, int line, int column) {

    Node withValue(Object newValue) {
        return new Node(key, newValue, line, column);
    }

    boolean isTable() {
        return value instanceof Map;
    }

    /** The children of a table node, in file order; empty for any other node. */
    @SuppressWarnings("unchecked")
    Map<String, Node> children() {
        return value instanceof Map<?, ?> m ? (Map<String, Node>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    List<Node> elements() {
        return value instanceof List<?> l ? (List<Node>) l : List.of();
    }

    /** The node at a dotted path below this table, e.g. {@code find("provider", "copy_dirs")}. */
    Optional<Node> find(String... path) {
        Node current = this;
        for (String segment : path) {
            Node next = current.children().get(segment);
            if (next == null) {
                return Optional.empty();
            }
            current = next;
        }
        return Optional.of(current);
    }

    /** The TOML type name used in messages: {@code expected integer, found string}. */
    String typeName() {
        return typeName(value);
    }

    static String typeName(Object value) {
        if (value instanceof String) {
            return "string";
        } else if (value instanceof Long) {
            return "integer";
        } else if (value instanceof Double) {
            return "float";
        } else if (value instanceof Boolean) {
            return "boolean";
        } else if (value instanceof List) {
            return "array";
        } else if (value instanceof Map) {
            return "table";
        } else if (value instanceof java.time.OffsetDateTime) {
            return "offset date-time";
        } else if (value instanceof java.time.LocalDateTime) {
            return "local date-time";
        } else if (value instanceof java.time.LocalDate) {
            return "local date";
        } else if (value instanceof java.time.LocalTime) {
            return "local time";
        }
        return value.getClass().getSimpleName();
    }
}
