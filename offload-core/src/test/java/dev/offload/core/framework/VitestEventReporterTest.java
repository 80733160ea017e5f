package dev.offload.core.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled vitest reporter under the real vitest: the suite and lockfile of the {@code vitest-basic} invoker IT,
 * installed with {@code npm ci}. Skipped with a message when npm is missing, except under {@code CI=true}.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class VitestEventReporterTest {
    private static final Path IT = Path.of("..", "src", "it", "vitest-basic");

    @Test
    void startAndEndEventsCarryOffloadIdsAndOnlyTestsThatRanReport(@TempDir Path dir) throws Exception {
        if (!onPath("npm")) {
            if ("true".equals(System.getenv("CI"))) {
                fail("npm is required under CI=true (SPEC §3.3)");
            }
            Assumptions.abort("npm not installed: skipping the real-vitest reporter test");
        }
        Files.copy(IT.resolve("package.json"), dir.resolve("package.json"));
        Files.copy(IT.resolve("package-lock.json"), dir.resolve("package-lock.json"));
        Files.createDirectories(dir.resolve("tests"));
        Files.copy(IT.resolve("tests/basic.test.ts"), dir.resolve("tests/basic.test.ts"));
        run(dir, List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"));
        Path reporter = dir.resolve("offload/" + VitestEventReporter.FILE_NAME);
        Files.createDirectories(reporter.getParent());
        Files.writeString(reporter, VitestEventReporter.source());

        String out = run(
                dir,
                List.of(
                        "env",
                        "OFFLOAD_EVENT_TOKEN=tk9",
                        "OFFLOAD_ROOT=" + dir,
                        "node",
                        "node_modules/vitest/vitest.mjs",
                        "run",
                        "tests/basic.test.ts",
                        "--testNamePattern",
                        "^(adds|fails on purpose|outer(?: | > )inner(?: | > )nested works)$",
                        "--reporter=verbose",
                        "--reporter=" + reporter));

        assertThat(out.lines().filter(line -> line.contains("##offload:")))
                .allMatch(line -> line.startsWith("##offload:tk9## {"))
                .containsExactly(
                        "##offload:tk9## {\"ev\":\"start\",\"id\":\"tests/basic.test.ts > adds\"}",
                        endOf("tests/basic.test.ts > adds", "passed", out),
                        "##offload:tk9## {\"ev\":\"start\",\"id\":\"tests/basic.test.ts > fails on purpose\"}",
                        endOf("tests/basic.test.ts > fails on purpose", "failed", out),
                        "##offload:tk9## {\"ev\":\"start\",\"id\":\"tests/basic.test.ts > outer > inner > nested works\"}",
                        endOf("tests/basic.test.ts > outer > inner > nested works", "passed", out));
    }

    /** The end line of {@code id} as printed, after checking its status; its duration varies. */
    private static String endOf(String id, String status, String out) {
        String head = "##offload:tk9## {\"ev\":\"end\",\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"ms\":";
        return out.lines()
                .filter(line -> line.startsWith(head) && line.matches(".*\"ms\":\\d+}$"))
                .findFirst()
                .orElse(head + "<missing>");
    }

    private static boolean onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return java.util.Arrays.stream(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, name)));
    }

    private static String run(Path dir, List<String> argv) throws Exception {
        Process p = new ProcessBuilder(argv)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
