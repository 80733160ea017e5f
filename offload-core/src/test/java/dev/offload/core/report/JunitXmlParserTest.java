package dev.offload.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offload.core.framework.ResultFileException;
import dev.offload.core.framework.TestCaseResult;
import dev.offload.core.framework.TestCaseResult.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JunitXmlParserTest {

    @TempDir
    Path dir;

    @Test
    void readsRealPytestOutputIncludingTeardownErrorAfterFailure() throws Exception {
        Files.writeString(dir.resolve("test_sample.py"), """
                import pytest, sys

                @pytest.fixture
                def broken_teardown():
                    yield
                    raise RuntimeError("teardown exploded")

                def test_passes():
                    print("hello <out> & more")

                def test_fails():
                    print("\\x1b[31mred\\x1b[0m")
                    assert 1 == 2, "one is not two"

                @pytest.mark.skip(reason="not today")
                def test_skipped():
                    pass

                def test_fails_then_teardown(broken_teardown):
                    assert False, "call failed"
                """);
        Path xml = dir.resolve("out.xml");
        Process p = new ProcessBuilder(
                        "python3",
                        "-m",
                        "pytest",
                        "-q",
                        "-p",
                        "no:cacheprovider",
                        "--junitxml=" + xml,
                        "-o",
                        "junit_logging=all",
                        "test_sample.py")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("pytest.log").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        List<TestCaseResult> cases = JunitXmlParser.parse(xml);

        assertThat(cases)
                .extracting(TestCaseResult::name)
                .contains("test_passes", "test_fails", "test_skipped", "test_fails_then_teardown");
        TestCaseResult passes = byName(cases, "test_passes");
        assertThat(passes.status()).isEqualTo(Status.PASSED);
        assertThat(passes.classname()).isEqualTo("test_sample");
        assertThat(passes.systemOut()).contains("hello <out> & more");
        TestCaseResult fails = byName(cases, "test_fails");
        assertThat(fails.status()).isEqualTo(Status.FAILED);
        assertThat(fails.failure()).get().satisfies(f -> {
            assertThat(f.error()).isFalse();
            assertThat(f.message()).contains("one is not two");
            assertThat(f.body()).contains("assert 1 == 2");
        });
        assertThat(byName(cases, "test_skipped").status()).isEqualTo(Status.SKIPPED);
        assertThat(byName(cases, "test_skipped").failure())
                .get()
                .satisfies(f -> assertThat(f.message()).contains("not today"));
        List<TestCaseResult> teardown = cases.stream()
                .filter(c -> c.name().equals("test_fails_then_teardown"))
                .toList();
        String details = teardown.stream()
                .map(c -> c.failure().map(f -> f.message() + f.body()).orElse(""))
                .reduce("", String::concat);
        assertThat(teardown).allMatch(c -> c.status() == Status.FAILED);
        assertThat(details).contains("call failed").contains("teardown exploded");
    }

    @Test
    void readsSurefireFileWithFlakyAndRerunElements() throws Exception {
        Path xml = write("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="com.acme.MathTest" tests="2" failures="1">
                  <properties><property name="java.version" value="17"/></properties>
                  <testcase name="adds" classname="com.acme.MathTest" time="1,234.5">
                    <flakyFailure message="expected 2" type="org.opentest4j.AssertionFailedError">
                      <stackTrace>at com.acme.MathTest.adds(MathTest.java:10)</stackTrace>
                      <system-out>flaky out</system-out>
                    </flakyFailure>
                  </testcase>
                  <testcase name="divides" classname="com.acme.MathTest" time="0.5">
                    <failure message="boom" type="java.lang.AssertionError">trace 1</failure>
                    <rerunFailure message="boom again" type="java.lang.AssertionError">
                      <stackTrace>trace 2</stackTrace>
                    </rerunFailure>
                    <system-out>first out</system-out>
                  </testcase>
                </testsuite>
                """);

        List<JunitTestCase> cases = JunitXmlParser.parseCases(xml);

        assertThat(cases.get(0).timeSecs()).isEqualTo(1234.5);
        assertThat(cases.get(0).elements()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("flakyFailure");
            assertThat(e.body()).isEqualTo("at com.acme.MathTest.adds(MathTest.java:10)");
            assertThat(e.systemOut()).isEqualTo("flaky out");
        });
        assertThat(cases.get(0).toResult().status()).isEqualTo(Status.PASSED);
        assertThat(cases.get(1).elements())
                .extracting(JunitTestCase.Element::kind)
                .containsExactly("failure", "rerunFailure");
        assertThat(cases.get(1).toResult().failure())
                .get()
                .satisfies(f -> assertThat(f.body()).isEqualTo("trace 1"));
        assertThat(cases.get(1).systemOut()).isEqualTo("first out");
    }

    @Test
    void readsNestedSuitesCdataAndEntities() throws Exception {
        Path xml = write("""
                <testsuites>
                  <testsuite name="outer">
                    <testsuite name="inner">
                      <testcase classname="mycrate::tests" name="it &amp; works &#x263A; &lt;ok&gt;" time="0.010">
                        <error message="panicked at &quot;x&quot;" type="panic"><![CDATA[thread 'x' panicked <at> & here]]></error>
                        <system-out><![CDATA[line <1>]]>&amp;more</system-out>
                        <system-err>e&#233;</system-err>
                      </testcase>
                    </testsuite>
                    <testcase name="vitest > suite > case" classname="src/a.test.ts"><skipped/></testcase>
                  </testsuite>
                </testsuites>
                """);

        List<TestCaseResult> cases = JunitXmlParser.parse(xml);

        assertThat(cases).hasSize(2);
        TestCaseResult nextest = cases.get(0);
        assertThat(nextest.name()).isEqualTo("it & works \u263A <ok>");
        assertThat(nextest.status()).isEqualTo(Status.FAILED);
        assertThat(nextest.failure()).get().satisfies(f -> {
            assertThat(f.error()).isTrue();
            assertThat(f.message()).isEqualTo("panicked at \"x\"");
            assertThat(f.body()).isEqualTo("thread 'x' panicked <at> & here");
        });
        assertThat(nextest.systemOut()).isEqualTo("line <1>&more");
        assertThat(nextest.systemErr()).isEqualTo("e\u00e9");
        assertThat(cases.get(1).status()).isEqualTo(Status.SKIPPED);
        assertThat(cases.get(1).timeSecs()).isZero();
    }

    @Test
    void dropsControlCharactersInsteadOfRejectingTheFile() throws Exception {
        Path xml = write(
                "<testsuite><testcase name=\"t\"><system-out>a\u001b[0mb&#27;c</system-out></testcase></testsuite>");

        assertThat(JunitXmlParser.parse(xml))
                .singleElement()
                .satisfies(c -> assertThat(c.systemOut()).isEqualTo("a[0mbc"));
    }

    @Test
    void missingEmptyAndGarbageFilesAreResultFileErrors() throws Exception {
        assertThatThrownBy(() -> JunitXmlParser.parse(dir.resolve("absent.xml")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageStartingWith("result file missing: ");
        assertThatThrownBy(() -> JunitXmlParser.parse(write("  \n")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageStartingWith("result file is empty: ");
        assertThatThrownBy(() -> JunitXmlParser.parse(write("this is not xml")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("is not valid JUnit XML: line 1");
        assertThatThrownBy(() -> JunitXmlParser.parse(write("<testsuite><testcase name=\"cut")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("is not valid JUnit XML");
        assertThatThrownBy(() -> JunitXmlParser.parse(write("<html><body/></html>")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("root element is <html>");
    }

    @Test
    void honoursDeclaredEncoding() throws Exception {
        Path xml = dir.resolve("latin1.xml");
        Files.write(
                xml,
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><testsuite><testcase name=\"caf\u00e9\"/></testsuite>"
                        .getBytes(StandardCharsets.ISO_8859_1));

        assertThat(JunitXmlParser.parse(xml)).extracting(TestCaseResult::name).containsExactly("caf\u00e9");
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "junit", ".xml");
        Files.writeString(file, content);
        return file;
    }

    private static TestCaseResult byName(List<TestCaseResult> cases, String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
