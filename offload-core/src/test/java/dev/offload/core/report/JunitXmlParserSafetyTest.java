package dev.offload.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offload.core.framework.TestCaseResult.Failure;
import dev.offload.core.framework.TestCaseResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JunitXmlParserSafetyTest {
    @TempDir
    Path dir;

    @Test
    void readsTestcasesOfNestedSuitesWithBodiesEntitiesAndCdata() throws Exception {
        Path file = write("""
                <?xml version="1.0" encoding="utf-8"?>
                <testsuites><testsuite name="outer"><testsuite name="inner">
                  <testcase classname="a.B" name="t1 &amp; &#252;" time="1.5"/>
                  <testcase classname="a.B" name="t2" time="0.25">
                    <failure type="AssertionError" message="x &lt; y"><![CDATA[trace <here>]]></failure>
                    <error message="second"/>
                    <system-out>out &quot;1&quot;</system-out><system-err><![CDATA[err]]></system-err>
                  </testcase>
                </testsuite>
                <testcase name="t3"><skipped message="nope"/></testcase>
                <testcase name="t4" time="oops"><error type="E" message="boom">tb</error></testcase>
                </testsuite></testsuites>
                """);

        List<TestCaseResult> results = JunitXmlParser.parse(file);

        assertThat(results)
                .containsExactly(
                        new TestCaseResult("t1 & ü", "a.B", 1.5, Status.PASSED, Optional.empty(), "", ""),
                        new TestCaseResult(
                                "t2",
                                "a.B",
                                0.25,
                                Status.FAILED,
                                Optional.of(new Failure(false, "AssertionError", "x < y", "trace <here>")),
                                "out \"1\"",
                                "err"),
                        new TestCaseResult("t3", "", 0, Status.SKIPPED, Optional.empty(), "", ""),
                        new TestCaseResult(
                                "t4", "", 0, Status.FAILED, Optional.of(new Failure(true, "E", "boom", "tb")), "", ""));
    }

    @Test
    void acceptsABareTestsuiteRoot() throws Exception {
        Path file = write("<testsuite><testcase name=\"only\"/></testsuite>");

        assertThat(JunitXmlParser.parse(file))
                .extracting(TestCaseResult::name)
                .containsExactly("only");
    }

    @Test
    void missingEmptyOrBrokenFilesAreResultFileErrors() throws Exception {
        assertThatThrownBy(() -> JunitXmlParser.parse(dir.resolve("nope.xml")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageEndingWith("nope.xml is missing");
        assertThatThrownBy(() -> JunitXmlParser.parse(write("")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageEndingWith("is empty");
        assertThatThrownBy(() -> JunitXmlParser.parse(write("<testsuites><testcase name=\"x\">")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("is not valid XML");
        assertThatThrownBy(() -> JunitXmlParser.parse(write("<html/>")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageEndingWith("is not JUnit XML: root element <html>, expected <testsuites>");
    }

    @Test
    void externalEntitiesAreNotResolved() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET");
        Path file = write("<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]><testsuite><testcase name=\"&x;\"/></testsuite>");

        assertThatThrownBy(() -> JunitXmlParser.parse(file)).isInstanceOf(ResultFileException.class);
    }

    private Path write(String xml) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "r", ".xml"), xml);
    }
}
