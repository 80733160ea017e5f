package dev.offload.core.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Shared by the malformed-configuration tests: building a file from blocks of lines, and the assertion that it is
 * refused with exactly one line ({@code %F} stands for the file name as given, {@code %DIR}/{@code %PARENT}/{@code
 * %HOME} for the test directory, its parent and the user's home).
 */
final class MalformedConfigs {
    static final String REFUSAL_HINT =
            "; Offload deletes its own files there, so choose a dedicated directory such as \"test-results\"";
    static final String[] LOCAL = {"[provider]", "type = \"local\""};
    static final String[] PYTEST = {"[framework]", "type = \"pytest\""};
    static final String[] GROUP = {"[groups.all]"};
    static final String[] TAIL = concat(LOCAL, PYTEST, GROUP);

    private MalformedConfigs() {}

    static void assertRefused(Path dir, String expected, String toml) {
        ConfigFixture fixture = new ConfigFixture(dir);
        fixture.environment = Map.of("SET", "value");
        fixture.write(toml.replace("%HOME", System.getProperty("user.home")));

        assertThatThrownBy(fixture::load)
                .isInstanceOf(ConfigException.class)
                .hasMessage(expected.replace("%F", fixture.name())
                        .replace("%DIR", dir.toString())
                        .replace("%PARENT", dir.getParent().toString())
                        .replace("%HOME", System.getProperty("user.home")));
    }

    static void add(List<Arguments> cases, String name, String expected, Object... lines) {
        List<String> all = new ArrayList<>();
        for (Object line : lines) {
            if (line instanceof String[] block) {
                all.addAll(Arrays.asList(block));
            } else {
                all.add((String) line);
            }
        }
        cases.add(Arguments.of(name, expected, String.join("\n", all) + "\n"));
    }

    private static String[] concat(String[]... blocks) {
        return Arrays.stream(blocks).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
