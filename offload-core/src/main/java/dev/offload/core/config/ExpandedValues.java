package dev.offload.core.config;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values that {@code ${NAME}} references in a config file expand to, so that text built from expanded values
 * (a failing discovery's command line) can be shown as written (SPEC §4.3): each value is replaced by its
 * {@code ${NAME}} again. Values shorter than 3 characters are left alone: they would mangle unrelated text.
 */
public final class ExpandedValues {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?}");
    private static final int SHORTEST = 3;

    /** value → its reference, longest value first so that a value containing another is replaced whole. */
    private final Map<String, String> references;

    private ExpandedValues(Map<String, String> references) {
        this.references = references;
    }

    /** The references of {@code configFile}; none when the file cannot be read (nothing to hide then). */
    public static ExpandedValues of(Path configFile, Map<String, String> environment) {
        Map<String, String> found = new LinkedHashMap<>();
        try {
            collect(TomlReader.read(ConfigFile.of(configFile)), environment, found);
        } catch (ConfigException e) {
            // An unreadable file was refused at load time already.
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        found.entrySet().stream()
                .sorted(Comparator.comparingInt(
                                (Map.Entry<String, String> e) -> e.getKey().length())
                        .reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return new ExpandedValues(ordered);
    }

    /** {@code text} with every expanded value put back as {@code ${NAME}}. */
    public String redact(String text) {
        String out = text;
        for (Map.Entry<String, String> e : references.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    private static void collect(Node node, Map<String, String> environment, Map<String, String> found) {
        if (node.value() instanceof String s) {
            Matcher m = REFERENCE.matcher(s);
            while (m.find()) {
                String value = environment.get(m.group(1));
                if (value != null && value.length() >= SHORTEST) {
                    found.putIfAbsent(value, "${" + m.group(1) + "}");
                }
            }
        } else if (node.isTable()) {
            node.children().values().forEach(child -> collect(child, environment, found));
        } else if (node.value() instanceof List) {
            node.elements().forEach(element -> collect(element, environment, found));
        }
    }
}
