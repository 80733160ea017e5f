package dev.offload.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC §5.4 / §18: the file {@code init} writes is valid as written for every provider and framework. */
class InitTemplateTest {
    @TempDir
    Path dir;

    static Stream<Arguments> pairs() {
        return InitTemplate.PROVIDERS.stream()
                .flatMap(p -> InitTemplate.FRAMEWORKS.stream().map(f -> Arguments.of(p, f)));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("pairs")
    void generatedFileLoadsInStrictModeWithoutWarnings(String provider, String framework) throws Exception {
        ConfigFixture fixture = new ConfigFixture(dir);
        fixture.strict = true;

        Config config = fixture.load(InitTemplate.render(provider, framework));

        assertThat(fixture.warnings).isEmpty();
        assertThat(config.provider().type()).isEqualTo(provider);
        assertThat(config.framework().type()).isEqualTo(framework);
        assertThat(config.offload().maxParallel()).isEqualTo(10);
        assertThat(config.offload().testTimeoutSecs()).isEqualTo(900);
        assertThat(config.offload().sandboxRepoRoot()).isEqualTo(provider.equals("local") ? "." : "/app");
        assertThat(config.groups()).extracting(GroupConfig::name).containsExactly("default");
        assertThat(config.report().junit()).isTrue();
        assertThat(config.report().outputDir()).isEqualTo(dir.resolve("test-results"));
    }

    @Test
    void templateFixesTheOriginalsInvalidDefaults() {
        String local = InitTemplate.render("local", "default");

        assertThat(local)
                .contains("shell = \"/bin/sh\"")
                .contains("discover_command = 'printf \"test1\\ntest2\\n\" # {filters}'")
                .contains("run_command = 'echo Running {tests}'")
                .contains("test_id_format = \"{name}\"")
                .contains("junit = true")
                .contains("# [history]");
        assertThat(InitTemplate.render("docker", "junit")).contains("image = \"eclipse-temurin:17-jdk\"");
    }

    @Test
    void unknownProviderIsRejected() {
        assertThatThrownBy(() -> InitTemplate.render("k8s", "pytest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown provider 'k8s' (expected one of local, default, modal, docker, ssh)");
    }
}
