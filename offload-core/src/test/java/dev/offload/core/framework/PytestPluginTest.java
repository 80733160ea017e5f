package dev.offload.core.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
