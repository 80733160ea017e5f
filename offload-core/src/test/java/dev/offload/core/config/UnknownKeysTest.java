package dev.offload.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §4.2 step 5: unknown keys warn with a suggestion, per provider/framework type, and fail in strict mode. */
class UnknownKeysTest {
    @TempDir
    Path dir;

    private ConfigFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(dir);
    }

    private static final String TYPO = """
            [offload]
            [provider]
            type = "local"
            [framework]
            type = "pytest"
            [groups.unit]
            retry_cont = 2
            """;

    @Test
    void typoInGroupWarnsWithSuggestionAndStillLoads() throws Exception {
        Config config = fixture.load(TYPO);

        assertThat(fixture.warnings)
                .containsExactly(
                        fixture.name()
                                + ":7:1: warning: unknown key 'groups.unit.retry_cont' (did you mean 'groups.unit.retry_count'?)");
        assertThat(config.groups().get(0).retryCount()).isZero();
    }

    @Test
    void typoIsAnErrorInStrictMode() {
        fixture.strict = true;
        fixture.write(TYPO);

        assertThatThrownBy(fixture::load)
                .isInstanceOf(ConfigException.class)
                .hasMessage(fixture.name()
                        + ":7:1: unknown key 'groups.unit.retry_cont' (did you mean 'groups.unit.retry_count'?);"
                        + " unknown keys are errors in strict mode");
    }

    @Test
    void frameworkKeyInAnotherTableIsAnUnknownKeyThereNotAFrameworkTypeMismatch() throws Exception {
        fixture.load(ConfigFixture.MINIMAL.replace("[offload]\n", "[offload]\npaths = [\"tests\"]\n"));

        assertThat(fixture.warnings).containsExactly(fixture.name() + ":2:1: warning: unknown key 'offload.paths'");
    }

    @Test
    void farFromAnyKnownKeyHasNoSuggestion() throws Exception {
        fixture.load(ConfigFixture.MINIMAL.replace("[offload]\n", "[offload]\nbanana = 1\n"));

        assertThat(fixture.warnings).containsExactly(fixture.name() + ":2:1: warning: unknown key 'offload.banana'");
    }

    @Test
    void suggestionDistanceGrowsWithKeyLength() throws Exception {
        // "max_paralel_colection" is 3 edits from nothing closer than max_parallel_collection: L=21, limit 7
        fixture.load(ConfigFixture.MINIMAL.replace("[offload]\n", "[offload]\nmaxparalel_colection = 1\n"));

        assertThat(fixture.warnings)
                .containsExactly(fixture.name()
                        + ":2:1: warning: unknown key 'offload.maxparalel_colection'"
                        + " (did you mean 'offload.max_parallel_collection'?)");
    }

    @Test
    void keyOfAnotherProviderTypeIsNamedAsSuch() throws Exception {
        fixture.load(ConfigFixture.MINIMAL.replace("type = \"local\"\n", "type = \"local\"\nimage = \"x\"\n"));

        assertThat(fixture.warnings)
                .containsExactly(
                        fixture.name() + ":5:1: warning: key 'provider.image' is not valid for provider type 'local'");
    }

    @Test
    void keyOfAnotherFrameworkTypeIsNamedAsSuch() throws Exception {
        fixture.load(ConfigFixture.MINIMAL.replace("type = \"pytest\"\n", "type = \"pytest\"\nfeatures = []\n"));

        assertThat(fixture.warnings)
                .containsExactly(fixture.name()
                        + ":8:1: warning: key 'framework.features' is not valid for framework type 'pytest'");
    }

    @Test
    void unknownTopLevelTableGetsSuggestion() throws Exception {
        fixture.load(ConfigFixture.MINIMAL + "[reports]\njunit = true\n");

        assertThat(fixture.warnings)
                .containsExactly(fixture.name() + ":10:1: warning: unknown key 'reports' (did you mean 'report'?)");
    }

    @Test
    void envAndExperimentalOptionsAreFreeForm() throws Exception {
        fixture.strict = true;
        fixture.load("""
                [offload]
                sandbox_repo_root = "/app"
                [provider]
                type = "modal"
                env = { ANYTHING = "x" }
                experimental_options = { whatever = 1 }
                [framework]
                type = "pytest"
                [groups.all]
                """);

        assertThat(fixture.warnings).isEmpty();
    }

    @Test
    void absoluteDownloadGlobWarnsButLoads() throws Exception {
        fixture.strict = true;
        fixture.load(ConfigFixture.MINIMAL + "[report]\ndownload_globs = [\"/tmp/*.log\"]\n");

        assertThat(fixture.warnings)
                .containsExactly(fixture.name() + ":11:19: warning: report.download_globs[0]: '/tmp/*.log' never"
                        + " matches: download globs are relative to the sandbox project root");
    }

    @Test
    void suggesterUsesEditDistanceLimit() {
        java.util.List<String> known = ConfigSchema.GROUP;
        assertThat(KeySuggester.suggest("retry_cont", known)).contains("retry_count");
        assertThat(KeySuggester.suggest("filter", known)).contains("filters");
        assertThat(KeySuggester.suggest("xyz", known)).isEmpty();
        assertThat(KeySuggester.distance("kitten", "sitting")).isEqualTo(3);
    }
}
