package dev.offload.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A junit group's {@code filters}: ConsoleLauncher-style options (SPEC §7.3), split like a shell. Both
 * {@code --include-tag fast} and {@code --include-tag=fast} are accepted.
 */
public final class JunitFilters {
    /** Every option a junit group filter may use. */
    public static final List<String> OPTIONS = List.of(
            "--include-tag",
            "--exclude-tag",
            "--include-classname",
            "--exclude-classname",
            "--include-package",
            "--exclude-package",
            "--include-engine",
            "--exclude-engine",
            "--select-class",
            "--select-package");

    private JunitFilters() {}

    /**
     * The filters as {@code option value} pairs for the runner's {@code Discovery}.
     *
     * @throws IllegalArgumentException naming an unknown option, a missing value or an unclosed quote
     */
    public static List<String> parse(String filters) {
        List<String> words = ShellWords.split(filters);
        List<String> args = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            int eq = word.indexOf('=');
            String option = eq > 0 && word.startsWith("--") ? word.substring(0, eq) : word;
            if (!OPTIONS.contains(option)) {
                throw new IllegalArgumentException("unknown junit filter option '" + word + "' (expected one of "
                        + String.join(", ", OPTIONS) + ")");
            }
            String value;
            if (eq > 0 && word.startsWith("--")) {
                value = word.substring(eq + 1);
            } else if (i + 1 < words.size()) {
                value = words.get(++i);
            } else {
                throw new IllegalArgumentException("junit filter option '" + option + "' needs a value");
            }
            args.add(option);
            args.add(value);
        }
        return List.copyOf(args);
    }
}
