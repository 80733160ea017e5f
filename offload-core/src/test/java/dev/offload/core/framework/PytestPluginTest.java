package dev.offload.core.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled plugin against the installed pytest, outside any batch script. */
class PytestPluginTest {

    /**
     * The plugin relies on pytest internals (SPEC §7.2). If a pytest upgrade renames or reshapes any of them, this test
     * fails with the name of the missing piece instead of batches silently losing their testcase names.
     */
    @Test
    void pytestInternalsThePluginUsesAreStillThere(@TempDir Path dir) throws Exception {
        String probe = """
                import inspect
                import _pytest.junitxml as j
                assert isinstance(j.xml_key, j.StashKey), "_pytest.junitxml.xml_key"
                assert callable(j.bin_xml_escape), "_pytest.junitxml.bin_xml_escape"
                for name in ("node_reporter", "pytest_runtest_logreport", "finalize"):
                    assert callable(getattr(j.LogXML, name, None)), "LogXML." + name
                src = inspect.getsource(j.LogXML.__init__)
                assert "self.node_reporters_ordered" in src, "LogXML.node_reporters_ordered"
                for name in ("add_attribute", "record_testreport", "finalize", "to_xml"):
                    assert callable(getattr(j._NodeReporter, name, None)), "_NodeReporter." + name
                assert "existing_attrs" in inspect.getsource(j._NodeReporter.record_testreport), \\
                    "record_testreport keeps user attributes"
                assert "self.to_xml = lambda" in inspect.getsource(j._NodeReporter.finalize), \\
                    "finalize keeps the built element"
                print("ok")
                """;
        Files.writeString(dir.resolve("probe.py"), probe);

        assertThat(python(dir, "python3", "probe.py")).isEqualTo("ok");
    }

    @Test
    void pluginIsHarmlessWhenJunitXmlIsOffAndWithAnExistingConftest(@TempDir Path dir) throws Exception {
        PytestPlugin.extractTo(dir.resolve("py"));
        Files.writeString(
                dir.resolve("test_a.py"), "def test_a(record_xml_attribute):\n    record_xml_attribute('x', 1)\n");
        Files.writeString(
                dir.resolve("conftest.py"),
                "import pytest\n\n@pytest.fixture(autouse=True)\ndef named(request, record_xml_attribute):\n"
                        + "    record_xml_attribute('name', request.node.nodeid)\n");

        String out = python(
                dir,
                "env",
                "PYTHONPATH=py",
                "python3",
                "-m",
                "pytest",
                "-p",
                "offload_pytest",
                "-q",
                "-p",
                "no:cacheprovider");

        assertThat(out).contains("1 passed");
    }

    @Test
    void eventsArePrintedOnLinesOfTheirOwnWithTheRunsToken(@TempDir Path dir) throws Exception {
        PytestPlugin.extractTo(dir.resolve("py"));
        Files.writeString(dir.resolve("test_ev.py"), """
                import pytest

                def test_pass():
                    print("some output")

                def test_fail():
                    assert False

                @pytest.mark.skip(reason="no")
                def test_skip():
                    pass

                @pytest.fixture
                def broken_teardown():
                    yield
                    raise RuntimeError("teardown")

                def test_teardown_error(broken_teardown):
                    pass
                """);

        String out = pytestWithEvents(dir, "OFFLOAD_EVENT_TOKEN=t0k3n", "-v");

        List<JsonNode> events = out.lines()
                .filter(line -> line.contains("##offload:"))
                .map(line -> {
                    assertThat(line).as("an event line is a line of its own").startsWith("##offload:t0k3n## ");
                    return json(line.substring("##offload:t0k3n## ".length()));
                })
                .toList();
        assertThat(events)
                .extracting(e -> e.get("ev").asText() + " " + e.get("id").asText() + " "
                        + e.path("status").asText())
                .containsExactly(
                        "start test_ev.py::test_pass ",
                        "end test_ev.py::test_pass passed",
                        "start test_ev.py::test_fail ",
                        "end test_ev.py::test_fail failed",
                        "start test_ev.py::test_skip ",
                        "end test_ev.py::test_skip skipped",
                        "start test_ev.py::test_teardown_error ",
                        "end test_ev.py::test_teardown_error failed");
        assertThat(events)
                .filteredOn(e -> e.get("ev").asText().equals("end"))
                .allSatisfy(e -> assertThat(e.get("ms").isIntegralNumber()).isTrue());
        JsonNode failed = events.get(3).get("err");
        assertThat(failed.get("kind").asText()).isEqualTo("failure");
        assertThat(failed.get("message").asText()).isEqualTo("assert False");
        assertThat(failed.get("trace").asText()).contains("def test_fail():");
        JsonNode teardown = events.get(7).get("err");
        assertThat(teardown.get("kind").asText()).isEqualTo("error");
        assertThat(teardown.get("message").asText()).isEqualTo("RuntimeError: teardown");
        assertThat(events.get(1).has("err")).isFalse();
        // pytest's own -v lines are still there for the batch log.
        assertThat(out).contains("test_ev.py::test_pass PASSED").contains("test_ev.py::test_fail FAILED");
    }

    @Test
    void eventLinesStartTheirOwnLineInQuietOutputToo(@TempDir Path dir) throws Exception {
        PytestPlugin.extractTo(dir.resolve("py"));
        Files.writeString(dir.resolve("test_ev.py"), "def test_a():\n    pass\n\ndef test_b():\n    pass\n");

        String out = pytestWithEvents(dir, "OFFLOAD_EVENT_TOKEN=q1", "-qq");

        assertThat(out.lines().filter(line -> line.contains("##offload:")))
                .hasSize(4)
                .allMatch(line -> line.startsWith("##offload:q1## {"));
    }

    @Test
    void noEventsWithoutAToken(@TempDir Path dir) throws Exception {
        PytestPlugin.extractTo(dir.resolve("py"));
        Files.writeString(dir.resolve("test_ev.py"), "def test_pass():\n    pass\n");

        String out = pytestWithEvents(dir, "OFFLOAD_EVENT_TOKEN=", "-q");

        assertThat(out).contains("1 passed").doesNotContain("##offload");
    }

    @Test
    void collectFileStartsWithThePytestVersion(@TempDir Path dir) throws Exception {
        PytestPlugin.extractTo(dir.resolve("py"));
        Files.writeString(dir.resolve("test_ev.py"), "def test_pass():\n    pass\n");

        python(
                dir,
                "env",
                "PYTHONPATH=py",
                "OFFLOAD_PYTEST_COLLECT_FILE=collected.jsonl",
                "python3",
                "-m",
                "pytest",
                "--collect-only",
                "-q",
                "-p",
                "offload_pytest",
                "-p",
                "no:cacheprovider");

        List<String> lines = Files.readAllLines(dir.resolve("collected.jsonl"));
        assertThat(json(lines.get(0)).get("pytest_version").asText()).matches("\\d+\\.\\d+.*");
        assertThat(lines.subList(1, lines.size())).containsExactly("\"test_ev.py::test_pass\"");
    }

    private static String pytestWithEvents(Path dir, String tokenVariable, String verbosity) throws Exception {
        Process p = new ProcessBuilder(
                        "env",
                        "PYTHONPATH=py",
                        tokenVariable,
                        "python3",
                        "-m",
                        "pytest",
                        "-p",
                        "offload_pytest",
                        verbosity,
                        "-p",
                        "no:cacheprovider",
                        "--junitxml=r.xml")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static String python(Path dir, String... argv) throws Exception {
        Process p = new ProcessBuilder(argv)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
