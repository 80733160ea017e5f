package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import dev.offload.core.framework.DiscoveredTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportsTest {
    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final RunObserver observer = new RunObserver() {
        @Override
        public void warning(String line) {
            warnings.add(line);
        }
    };

    @Test
    void finishedRunWritesJunitSummaryAndHtmlByDefault() throws Exception {
        Config config = config("");

        RunReports.write(config, result(Optional.empty()), false, observer);

        assertThat(dir.resolve("out").toFile().list())
                .containsExactlyInAnyOrder("junit.xml", "summary.json", "report.html");
        assertThat(dir.resolve("out/report.html")).content().contains("<details", "t::x");
        assertThat(warnings).isEmpty();
    }

    @Test
    void htmlFalseWritesNoHtmlReport() throws Exception {
        Config config = config("html = false");

        RunReports.write(config, result(Optional.empty()), false, observer);

        assertThat(dir.resolve("out/report.html")).doesNotExist();
        assertThat(dir.resolve("out/summary.json")).exists();
    }

    @Test
    void abortedRunWritesSummaryAndAnHtmlPageWithItsError() throws Exception {
        Config config = config("");

        RunReports.writeAborted(config, result(Optional.of("discovery failed: exit 4")), false, observer);

        assertThat(dir.resolve("out/junit.xml")).doesNotExist();
        assertThat(dir.resolve("out/summary.json")).exists();
        assertThat(dir.resolve("out/report.html")).content().contains("Run failed: discovery failed: exit 4");
    }

    @Test
    void unwritableHtmlReportIsAWarning() throws Exception {
        Config config = config("");
        Files.createDirectories(dir.resolve("out/report.html/blocker"));

        RunReports.write(config, result(Optional.empty()), false, observer);

        assertThat(warnings)
                .singleElement()
                .asString()
                .startsWith("could not write ")
                .contains("report.html");
        assertThat(dir.resolve("out/summary.json")).exists();
    }

    private Config config(String reportLine) throws Exception {
        Path file = Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 1

                [provider]
                type = "local"

                [framework]
                type = "default"
                discover_command = "echo a # {filters}"
                run_command = "true {tests}"
                test_id_format = "{name}"

                [groups.all]

                [report]
                output_dir = "out"
                %s
                """.formatted(reportLine));
        return ConfigLoader.load(file, new LoadOptions(false, Map.of(), dir, Optional.empty(), w -> {}));
    }

    private static RunResult result(Optional<String> error) {
        List<TestOutcome> outcomes = error.isPresent()
                ? List.of()
                : List.of(new TestOutcome(
                        new DiscoveredTest("t::x", "all", ""), Verdict.NOT_RUN, List.of(), Optional.of("interrupted")));
        return new RunResult(
                "r1",
                START,
                START.plusSeconds(3),
                List.of(),
                outcomes,
                List.of(),
                1,
                Optional.empty(),
                Optional.empty(),
                0,
                error,
                OptionalDouble.empty());
    }
}
