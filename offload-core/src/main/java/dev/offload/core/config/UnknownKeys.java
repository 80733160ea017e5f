package dev.offload.core.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step 5 of SPEC §4.2: one warning per unknown key, with a suggestion from {@link KeySuggester}; keys of another
 * provider or framework type are named as such. In strict mode the first one is an error instead.
 */
final class UnknownKeys {
    private final ConfigFile file;
    private final LoadOptions options;

    UnknownKeys(ConfigFile file, LoadOptions options) {
        this.file = file;
        this.options = options;
    }

    void check(Node tree, Config config) throws ConfigException {
        String providerType = config.provider().type();
        String frameworkType = config.framework().type();
        checkTable(tree, ConfigSchema.ROOT, "", "");
        for (Map.Entry<String, Node> entry : tree.children().entrySet()) {
            String table = entry.getKey();
            if (table.equals("groups")) {
                for (Node group : entry.getValue().children().values()) {
                    checkTable(group, ConfigSchema.GROUP, "", "");
                }
            } else if (entry.getValue().isTable()) {
                Optional<List<String>> known = ConfigSchema.keysOf(table, providerType, frameworkType);
                if (known.isPresent()) {
                    checkTable(entry.getValue(), known.get(), typedKind(table), typeOf(table, config));
                }
            }
        }
    }

    /** {@code provider} and {@code framework} have per-type keys; every other table has one key set. */
    private static String typedKind(String table) {
        return table.equals("provider") || table.equals("framework") ? table : "";
    }

    private static String typeOf(String table, Config config) {
        return switch (table) {
            case "provider" -> config.provider().type();
            case "framework" -> config.framework().type();
            default -> "";
        };
    }

    /** {@code kind}/{@code type} are set for the typed tables, empty otherwise. */
    private void checkTable(Node table, List<String> known, String kind, String type) throws ConfigException {
        for (Map.Entry<String, Node> entry : table.children().entrySet()) {
            if (!known.contains(entry.getKey())) {
                report(
                        entry.getValue(),
                        message(entry.getKey(), entry.getValue().key(), known, kind, type));
            }
        }
    }

    private String message(String key, String dotted, List<String> known, String kind, String type) {
        if (!kind.isEmpty() && belongsToAnotherType(key, kind)) {
            return "key '" + dotted + "' is not valid for " + kind + " type '" + type + "'";
        }
        String parent = dotted.substring(0, dotted.length() - key.length());
        return "unknown key '" + shortened(dotted) + "'"
                + KeySuggester.suggest(key, known)
                        .map(s -> " (did you mean '" + parent + s + "'?)")
                        .orElse("");
    }

    /** A key of hostile length would make the message unreadable: its start is enough to find it. */
    private static String shortened(String dotted) {
        return dotted.length() <= 120 ? dotted : dotted.substring(0, 100) + "... (" + dotted.length() + " characters)";
    }

    private static boolean belongsToAnotherType(String key, String kind) {
        Map<String, List<String>> byType = kind.equals("provider") ? ConfigSchema.PROVIDER : ConfigSchema.FRAMEWORK;
        return byType.values().stream().anyMatch(keys -> keys.contains(key));
    }

    private void report(Node node, String message) throws ConfigException {
        if (options.strict()) {
            throw new ConfigException(file.at(node) + message + "; unknown keys are errors in strict mode");
        }
        options.warnings().accept(file.at(node) + "warning: " + message);
    }
}
