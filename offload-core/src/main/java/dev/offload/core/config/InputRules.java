package dev.offload.core.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rules on values that would otherwise fail only later, at {@code run} (SPEC §4.9, §4.12): {@code junit_file} must be a
 * plain file name so that a run never writes outside {@code output_dir}; {@code env} names must be names a process
 * environment can hold; {@code framework.command} and {@code run_args} must split into words.
 */
final class InputRules {
    /** POSIX portable environment names: what every shell and every provider can pass on. */
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final ConfigFile file;
    private final Node tree;

    InputRules(ConfigFile file, Node tree) {
        this.file = file;
        this.tree = tree;
    }

    void check(Config config) throws ConfigException {
        checkJunitFile(config.report().junitFile());
        checkEnvNames();
        for (String key : List.of("command", "run_args")) {
            Optional<Node> node = tree.find("framework", key);
            if (node.isPresent() && node.get().value() instanceof String text) {
                checkWords(node.get(), text);
            }
        }
    }

    private void checkJunitFile(String name) throws ConfigException {
        if (name.isBlank()
                || name.contains("/")
                || name.contains("\\")
                || name.equals(".")
                || name.equals("..")
                || name.indexOf('\0') >= 0) {
            throw error(
                    tree.find("report", "junit_file"),
                    "report.junit_file",
                    "must be a plain file name inside output_dir such as \"junit.xml\", found '" + name + "'");
        }
    }

    private void checkEnvNames() throws ConfigException {
        Optional<Node> env = tree.find("provider", "env");
        if (env.isEmpty()) {
            return;
        }
        for (String name : env.get().children().keySet()) {
            if (!ENV_NAME.matcher(name).matches()) {
                throw error(
                        env.get().find(name),
                        "provider.env",
                        "invalid environment variable name '" + name
                                + "' (use letters, digits and '_', not starting with a digit)");
            }
        }
    }

    private void checkWords(Node node, String text) throws ConfigException {
        Optional<String> unclosed = ShellWords.unclosedQuote(text);
        if (unclosed.isPresent()) {
            throw file.error(node, "unclosed " + unclosed.get() + " in '" + text + "'");
        }
        try {
            ShellWords.split(text);
        } catch (IllegalArgumentException e) {
            throw file.error(node, "ends with a lone backslash in '" + text + "'");
        }
    }

    private ConfigException error(Optional<Node> node, String key, String message) {
        return node.isPresent() ? file.error(node.get(), message) : file.error(key + ": " + message);
    }
}
