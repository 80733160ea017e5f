package dev.offload.core.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offload.core.config.FrameworkConfig;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameworksTest {
    private static final Path CONFIG_DIR = Path.of("/repo");

    @Test
    void createsPytestAndDefaultFrameworksWithTheirIdFormats() {
        Framework pytest = Frameworks.create(
                new FrameworkConfig.Pytest(Optional.empty(), "python -m pytest", Optional.empty(), "{name}"),
                CONFIG_DIR);
        Framework shell = Frameworks.create(
                new FrameworkConfig.Default(
                        "d {filters}", "r {tests}", Optional.empty(), Optional.empty(), "{classname}"),
                CONFIG_DIR);

        assertThat(pytest).isInstanceOf(PytestFramework.class);
        assertThat(pytest.testIdFormat()).isEqualTo("{name}");
        assertThat(shell).isInstanceOf(DefaultFramework.class);
        assertThat(shell.testIdFormat()).isEqualTo("{classname}");
    }

    @Test
    void createsTheJunitFrameworkWhoseIdsAreUniqueIds() {
        Framework junit = Frameworks.create(
                new FrameworkConfig.Junit(
                        Optional.empty(),
                        Optional.empty(),
                        "java",
                        "",
                        Optional.empty(),
                        FrameworkConfig.Junit.Granularity.CLASS),
                CONFIG_DIR);

        assertThat(junit).isInstanceOf(JunitFramework.class);
        assertThat(junit.testIdFormat()).isEqualTo("{name}");
    }

    @Test
    void junitJvmArgsWithAnUnclosedQuoteAreRefused() {
        assertThatThrownBy(() -> Frameworks.create(
                        new FrameworkConfig.Junit(
                                Optional.empty(),
                                Optional.empty(),
                                "java",
                                "-Dx='open",
                                Optional.empty(),
                                FrameworkConfig.Junit.Granularity.CLASS),
                        CONFIG_DIR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("framework.jvm_args: ");
    }
}
