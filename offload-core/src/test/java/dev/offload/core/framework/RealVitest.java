package dev.offload.core.framework;

import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real vitest for tests: the locked version of the {@code vitest-basic} invoker IT, installed into a project
 * directory with {@code npm ci}. Without npm the calling test is skipped with a message, except under {@code CI=true},
 * where it fails (SPEC §3.3).
 */
public final class RealVitest {
    private static final Path IT = Path.of("..", "src", "it", "vitest-basic");

    private RealVitest() {}

    /** Installs vitest into {@code project} ({@code node_modules/vitest/vitest.mjs}). */
    public static void installInto(Path project) throws Exception {
        String path = System.getenv().getOrDefault("PATH", "");
        if (Arrays.stream(path.split(":")).noneMatch(d -> Files.isExecutable(Path.of(d, "npm")))) {
            if ("true".equals(System.getenv("CI"))) {
                fail("npm is required under CI=true (SPEC §3.3): .ci/run installs Node.js and npm");
            }
            Assumptions.abort("npm not installed: skipping a real-vitest test");
        }
        Files.copy(IT.resolve("package.json"), project.resolve("package.json"));
        Files.copy(IT.resolve("package-lock.json"), project.resolve("package-lock.json"));
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                .directory(project.toFile())
                .redirectErrorStream(true)
                .start();
        npm.getOutputStream().close();
        String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
            fail("npm ci failed in " + project + ":\n" + out);
        }
    }
}
