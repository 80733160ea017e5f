package dev.offload.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §4.3: expansion of every string value, with its edge cases and error messages. */
class VariableExpansionTest {
    @TempDir
    Path dir;

    private ConfigFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(dir);
        fixture.environment = Map.of("NAME", "world", "EMPTY", "");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "hello ${NAME}|hello world",
                "${NAME:-fallback}|world",
                "${UNSET:-fallback}|fallback",
                "${UNSET:-}|''",
                "${EMPTY:-fallback}|''",
                "${UNSET:-$NAME ${x}|$NAME ${x",
                "$$|$",
                "$$$$|$$",
                "$${NAME}|${NAME}",
                "$x $HOME $1 $|$x $HOME $1 $",
                "cost: 5$|cost: 5$",
            })
    void stringsAreExpanded(String written, String expanded) throws Exception {
        Config config = fixture.load(withInitCmd(written));

        assertThat(config.offload().sandboxInitCmd()).contains(expanded);
    }

    @Test
    void expansionReachesArraysTablesAndEveryTable() throws Exception {
        Config config = fixture.load("""
                [offload]
                [provider]
                type = "local"
                env = { GREETING = "hi ${NAME}" }
                [framework]
                type = "pytest"
                paths = ["tests/${NAME}"]
                [groups.all]
                filters = "-k ${NAME}"
                [report]
                output_dir = "out-${NAME}"
                """);

        assertThat(config.provider().env()).containsEntry("GREETING", "hi world");
        assertThat(((FrameworkConfig.Pytest) config.framework()).paths())
                .hasValue(java.util.List.of(dir.resolve("tests/world").toString()));
        assertThat(config.groups().get(0).filters()).isEqualTo("-k world");
        assertThat(config.report().outputDir()).isEqualTo(dir.resolve("out-world"));
    }

    @Test
    void keysAndNonStringValuesAreNotExpanded() throws Exception {
        Config config = fixture.load(ConfigFixture.MINIMAL.replace("[groups.all]", "[groups.\"${NAME}\"]"));

        assertThat(config.groups().get(0).name()).isEqualTo("${NAME}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "make ${UNSET}|environment variable 'UNSET' is not set",
                "${}|empty variable name in '${}'",
                "${:-x}|empty variable name in '${:-x}'",
                "${9X}|invalid variable name '9X' in '${9X}' (names match [A-Za-z_][A-Za-z0-9_]*)",
                "${A-B}|invalid variable name 'A-B' in '${A-B}' (names match [A-Za-z_][A-Za-z0-9_]*)",
                "echo ${NAME|unclosed variable reference '${NAME' (add '}' or write $$ for a literal $)",
                "${|unclosed variable reference '${' (add '}' or write $$ for a literal $)",
            })
    void badReferencesAreErrorsWithPositionAndKey(String written, String message) {
        fixture.write(withInitCmd(written));

        assertThatThrownBy(fixture::load)
                .isInstanceOf(ConfigException.class)
                .hasMessage(fixture.name() + ":2:1: offload.sandbox_init_cmd: " + message);
    }

    @Test
    void errorInsideArrayNamesTheElement() {
        fixture.write(ConfigFixture.MINIMAL + "[report]\ndownload_globs = [\"a\", \"${NOPE}\"]\n");

        assertThatThrownBy(fixture::load)
                .hasMessage(
                        fixture.name() + ":11:24: report.download_globs[1]: environment variable 'NOPE' is not set");
    }

    private static String withInitCmd(String value) {
        String literal = "'" + value + "'"; // a TOML literal string keeps backslashes and quotes as written
        return ConfigFixture.MINIMAL.replace("[offload]\n", "[offload]\nsandbox_init_cmd = " + literal + "\n");
    }
}
