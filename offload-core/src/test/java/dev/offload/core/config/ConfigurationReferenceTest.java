package dev.offload.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents every key {@link ConfigSchema} knows, in the section of its table and type. */
class ConfigurationReferenceTest {
    private static final Path DOC = Path.of("../docs/configuration.md");

    @Test
    void everySchemaKeyIsDocumentedInItsSection() throws Exception {
        String doc = Files.readString(DOC);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<String>> table : tables().entrySet()) {
            String section = section(doc, table.getKey());
            for (String key : table.getValue()) {
                if (!section.contains("| `" + key + "` |")) {
                    missing.add(table.getKey() + " " + key);
                }
            }
        }
        assertThat(missing)
                .as("keys missing from " + DOC.toAbsolutePath().normalize())
                .isEmpty();
    }

    /** Section heading (as written after "## " or "### ") to the keys it must document. */
    private static Map<String, List<String>> tables() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("`[offload]`", ConfigSchema.OFFLOAD);
        ConfigSchema.PROVIDER.forEach((type, keys) -> tables.put("`[provider]` type `" + type + "`", keys));
        ConfigSchema.FRAMEWORK.forEach((type, keys) -> tables.put("`[framework]` type `" + type + "`", keys));
        tables.put("`[groups.NAME]`", ConfigSchema.GROUP);
        tables.put("`[report]`", ConfigSchema.REPORT);
        tables.put("`[history]`", ConfigSchema.HISTORY);
        tables.put("`[checkpoint]`", ConfigSchema.CHECKPOINT);
        return tables;
    }

    /** The text from the heading that starts with {@code title} to the next heading. */
    private static String section(String doc, String title) {
        int start = -1;
        for (String prefix : List.of("\n## ", "\n### ")) {
            int at = doc.indexOf(prefix + title);
            if (at >= 0) {
                start = at + 1;
            }
        }
        assertThat(start).as("heading for " + title + " in " + DOC).isGreaterThanOrEqualTo(0);
        int end = doc.indexOf("\n#", doc.indexOf('\n', start));
        return end < 0 ? doc.substring(start) : doc.substring(start, end);
    }
}
