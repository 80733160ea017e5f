package dev.offload.maven;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;

/** Parses the comma-list properties of SPEC §6.2; each mistake names the property. */
final class Properties {
    private Properties() {}

    /** {@code KEY=VALUE} entries split at the first {@code =}. */
    static Map<String, String> keyValues(String property, List<String> entries, Consumer<String> warnings)
            throws MojoExecutionException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String entry : entries == null ? List.<String>of() : entries) {
            int eq = entry.indexOf('=');
            if (eq == 0) {
                // Like --env (SPEC §5.2): an empty name is skipped with a warning, not fatal.
                warnings.accept(property + " entry '" + entry + "' has an empty name; skipped");
                continue;
            }
            if (eq < 0) {
                throw new MojoExecutionException(MojoErrors.withHint(
                        "Invalid " + property + " entry '" + entry + "'.", "Write it as KEY=VALUE."));
            }
            values.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return values;
    }

    /** {@code LOCAL:REMOTE} entries, checked for their colon. */
    static List<String> localRemote(String property, List<String> entries) throws MojoExecutionException {
        List<String> values = entries == null ? List.of() : List.copyOf(entries);
        for (String entry : values) {
            if (!entry.contains(":")) {
                throw new MojoExecutionException(MojoErrors.withHint(
                        "Invalid " + property + " entry '" + entry + "'.", "Write it as LOCAL:REMOTE."));
            }
        }
        return values;
    }
}
