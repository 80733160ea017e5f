package dev.offload.core.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which {@code command}s the fork server of {@code fork_batches} can stand in for (docs/frameworks.md). */
class PytestForkServerTest {
    @Test
    void pythonDashMPytestCommandsAreForkedWithTheirInterpreter() {
        assertThat(PytestForkServer.python(List.of("python3", "-m", "pytest"))).contains("python3");
        assertThat(PytestForkServer.python(List.of("python", "-m", "pytest"))).contains("python");
        assertThat(PytestForkServer.python(List.of(".venv/bin/python3.11", "-m", "pytest")))
                .contains(".venv/bin/python3.11");
    }

    @Test
    void otherCommandsStartTheirOwnInterpreter() {
        assertThat(PytestForkServer.python(List.of("pytest"))).isEmpty();
        assertThat(PytestForkServer.python(List.of("uv", "run", "pytest"))).isEmpty();
        assertThat(PytestForkServer.python(List.of("python3", "-X", "dev", "-m", "pytest")))
                .as("interpreter options would be lost in a fork")
                .isEmpty();
        assertThat(PytestForkServer.python(List.of("python3", "-m", "pytest", "-x")))
                .isEmpty();
        assertThat(PytestForkServer.python(List.of("coverage", "-m", "pytest"))).isEmpty();
    }
}
