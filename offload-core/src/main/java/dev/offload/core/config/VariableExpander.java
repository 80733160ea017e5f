package dev.offload.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Step 3 of SPEC §4.2: expands {@code $$}, {@code ${NAME}} and {@code ${NAME:-fallback}} in every string value at any
 * depth (§4.3). Keys and non-string values are left alone; any other {@code $} is kept so shell text passes through.
 */
final class VariableExpander {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final ConfigFile file;
    private final Map<String, String> environment;

    VariableExpander(ConfigFile file, Map<String, String> environment) {
        this.file = file;
        this.environment = environment;
    }

    Node expand(Node node) throws ConfigException {
        Object value = node.value();
        if (value instanceof String s) {
            return node.withValue(expand(node, s));
        }
        if (node.isTable()) {
            Map<String, Node> children = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : node.children().entrySet()) {
                children.put(e.getKey(), expand(e.getValue()));
            }
            return node.withValue(Collections.unmodifiableMap(children));
        }
        if (value instanceof List) {
            List<Node> elements = new ArrayList<>();
            for (Node element : node.elements()) {
                elements.add(expand(element));
            }
            return node.withValue(List.copyOf(elements));
        }
        return node;
    }

    private String expand(Node node, String text) throws ConfigException {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 == text.length()) {
                out.append(c);
                i++;
            } else if (text.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (text.charAt(i + 1) == '{') {
                i = reference(node, text, i, out);
            } else {
                out.append(c); // $HOME, $1: left for the shell
                i++;
            }
        }
        return out.toString();
    }

    /** Expands the {@code ${...}} starting at {@code start}; returns the index after its {@code }}. */
    private int reference(Node node, String text, int start, StringBuilder out) throws ConfigException {
        int close = text.indexOf('}', start + 2);
        if (close < 0) {
            throw file.error(
                    node,
                    "unclosed variable reference '" + text.substring(start)
                            + "' (add '}' or write $$ for a literal $)");
        }
        String body = text.substring(start + 2, close);
        int separator = body.indexOf(":-");
        String name = separator < 0 ? body : body.substring(0, separator);
        if (name.isEmpty()) {
            throw file.error(node, "empty variable name in '" + text.substring(start, close + 1) + "'");
        }
        if (!NAME.matcher(name).matches()) {
            throw file.error(
                    node,
                    "invalid variable name '" + name + "' in '" + text.substring(start, close + 1)
                            + "' (names match [A-Za-z_][A-Za-z0-9_]*)");
        }
        String value = environment.get(name);
        if (value != null) {
            out.append(value);
        } else if (separator >= 0) {
            out.append(body, separator + 2, body.length()); // verbatim, never expanded again
        } else {
            throw file.error(node, "environment variable '" + name + "' is not set");
        }
        return close + 1;
    }
}
