package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without duration data the planner keeps a file's tests in one batch (contiguous runs in id order, not LPT's
 * round-robin over equal estimates), so a pytest batch collects only its own modules. Real pytest, local provider.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FileLocalityRunTest {
    private static final Pattern CLASSNAME = Pattern.compile("<testcase [^>]*classname=\"([^\"]+)\"");

    @TempDir
    Path dir;

    @Test
    void twoTestFilesOnTwoSlotsRunOneFilePerBatch() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        for (String file : List.of("test_a.py", "test_b.py")) {
            Files.writeString(dir.resolve("tests").resolve(file), """
                    def test_1():
                        pass

                    def test_2():
                        pass

                    def test_3():
                        pass
                    """);
        }
        Path file = Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 2
                test_timeout_secs = 60
                impatiently_requeue_batches = false

                [provider]
                type = "local"
                env = { PYTEST_DISABLE_PLUGIN_AUTOLOAD = "1" }

                [framework]
                type = "pytest"
                paths = ["tests"]
                command = "python3 -m pytest"

                [groups.all]
                retry_count = 0
                """);

        RunResult result = ProjectRuns.run(file);

        assertThat(result.outcomes())
                .hasSize(6)
                .extracting(TestOutcome::verdict)
                .containsOnly(Verdict.PASSED);
        assertThat(modulesPerBatch(dir.resolve("test-results/junit-parts")))
                .containsExactlyInAnyOrder(Set.of("tests.test_a"), Set.of("tests.test_b"));
    }

    /** The classnames (pytest: the module) of the testcases in each batch's result part. */
    private static List<Set<String>> modulesPerBatch(Path parts) throws Exception {
        List<Set<String>> batches = new ArrayList<>();
        try (Stream<Path> files = Files.list(parts)) {
            for (Path part : files.sorted().toList()) {
                Set<String> modules = new TreeSet<>();
                Matcher m = CLASSNAME.matcher(Files.readString(part));
                while (m.find()) {
                    modules.add(m.group(1));
                }
                batches.add(modules);
            }
        }
        return batches;
    }
}
