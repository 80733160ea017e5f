package dev.offload.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviousDurationsTest {

    @TempDir
    Path dir;

    @Test
    void readsTimesByTestIdTakingTheMaximumOfDuplicates() throws Exception {
        Path file = Files.writeString(dir.resolve("junit.xml"), """
                <testsuites><testsuite name="g">
                  <testcase name="a" time="1.5"/><testcase name="b" time="0.2"/><testcase name="a" time="2.5"/>
                  <testcase name="c"/>
                </testsuite></testsuites>
                """);

        assertThat(PreviousDurations.read(file))
                .containsOnly(
                        java.util.Map.entry("a", 2.5), java.util.Map.entry("b", 0.2), java.util.Map.entry("c", 0.0));
    }

    @Test
    void missingOrBrokenFileGivesNoDurations() throws Exception {
        assertThat(PreviousDurations.read(dir.resolve("absent.xml"))).isEmpty();
        assertThat(PreviousDurations.read(Files.writeString(dir.resolve("cut.xml"), "<testsuites><testcase name=")))
                .isEmpty();
        assertThat(PreviousDurations.read(dir)).isEmpty();
    }
}
