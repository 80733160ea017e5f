package dev.offload.core.framework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.scripts.BundledScripts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which {@code command}s the fork server of {@code fork_batches} can stand in for (docs/frameworks.md). */
class PytestForkServerTest {
    @Test
    void pythonDashMPytestCommandsAreForkedWithTheirInterpreter() {
        assertThat(PytestForkServer.python(List.of("python3", "-m", "pytest"))).contains("python3");
        assertThat(PytestForkServer.python(List.of("python", "-m", "pytest"))).contains("python");
        assertThat(PytestForkServer.python(List.of(".venv/bin/python3.11", "-m", "pytest")))
                .contains(".venv/bin/python3.11");
        assertThat(PytestForkServer.python(List.of("python3", "-m", "pytest", "-p", "no:cacheprovider")))
                .as("pytest's own options follow the module")
                .contains("python3");
    }

    @Test
    void otherCommandsStartTheirOwnInterpreter() {
        assertThat(PytestForkServer.python(List.of("pytest"))).isEmpty();
        assertThat(PytestForkServer.python(List.of("uv", "run", "pytest"))).isEmpty();
        assertThat(PytestForkServer.python(List.of("python3", "-X", "dev", "-m", "pytest")))
                .as("interpreter options would be lost in a fork")
                .isEmpty();
        assertThat(PytestForkServer.python(List.of("coverage", "-m", "pytest"))).isEmpty();
    }

    /**
     * A discovery that asks to keep its session runs with the batches' options, not {@code --collect-only}: when its
     * client finds no server (still importing after its wait, or gone), the pytest it starts itself must only collect,
     * never run the suite.
     */
    @Test
    void holdingDiscoveryWithoutAServerOnlyCollects(@TempDir Path dir) throws Exception {
        Path script = dir.resolve(PytestForkServer.FILE_NAME);
        Files.write(script, BundledScripts.content(PytestForkServer.FILE_NAME).orElseThrow());
        PytestPlugin.extractTo(dir);
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/test_marks.py"), """
                def test_runs():
                    open("ran.txt", "w").write("the suite ran in discovery")
                """);
        ProcessBuilder client = new ProcessBuilder(
                        "python3",
                        "-S",
                        script.toString(),
                        "run",
                        dir.resolve("absent.sock").toString(),
                        "python3",
                        "-p",
                        PytestPlugin.MODULE,
                        "--rootdir=.",
                        "-v",
                        "--junitxml=" + dir.resolve("held.xml"),
                        "tests")
                .directory(dir.toFile())
                .redirectErrorStream(true);
        client.environment().put("PYTHONPATH", dir.toString());
        client.environment()
                .put(
                        PytestFramework.COLLECT_FILE_ENV,
                        dir.resolve("collected.jsonl").toString());
        client.environment().put(PytestForkServer.HOLD_ENV, "{\"socket\": \"" + dir.resolve("held.sock") + "\"}");

        Process process = client.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isZero();
        assertThat(dir.resolve("ran.txt")).as("no test ran").doesNotExist();
        assertThat(Files.readString(dir.resolve("collected.jsonl"))).contains("tests/test_marks.py::test_runs");
    }
}
