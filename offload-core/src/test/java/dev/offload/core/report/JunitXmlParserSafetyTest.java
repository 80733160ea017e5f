package dev.offload.core.report;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offload.core.framework.ResultFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parser never resolves external entities: a result file must not be able to read local files (XXE). */
class JunitXmlParserSafetyTest {
    @TempDir
    Path dir;

    @Test
    void externalEntitiesAreNotResolved() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET");
        Path file = Files.writeString(
                dir.resolve("r.xml"),
                "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"" + secret.toUri()
                        + "\">]><testsuite><testcase name=\"&x;\"/></testsuite>");

        assertThatThrownBy(() -> JunitXmlParser.parse(file)).isInstanceOf(ResultFileException.class);
    }
}
