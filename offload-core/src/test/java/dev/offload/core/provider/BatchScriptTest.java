package dev.offload.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchScriptTest {

    @TempDir
    Path dir;

    @Test
    void exitStatusIsTheFrameworkCommandsStatus() throws Exception {
        assertThat(run(BatchScript.wrap("echo hi; exit 7", dir.resolve("r").toString(), 1), Map.of()))
                .isEqualTo(7);
        assertThat(run(BatchScript.wrap("true", dir.resolve("r").toString(), 2), Map.of()))
                .isZero();
    }

    @Test
    void createsResultDirectoryAndStartMarkerBeforeTheCommandRuns() throws Exception {
        Path results = dir.resolve("results with 'quote' and $(x)");
        String marker = BatchScript.startMarker(results.toString(), 3);
        String framework = "test -f " + Shell.quote(marker) + " || exit 9";

        assertThat(run(BatchScript.wrap(framework, results.toString(), 3), Map.of()))
                .isZero();
        assertThat(results.resolve("batch-3.start")).isRegularFile();
    }

    @Test
    void frameworkCommandRunsInItsOwnProcessGroupRecordedInPgidFile() throws Exception {
        Path results = dir.resolve("results");
        String framework =
                "ps -o pgid= -p $$ > " + Shell.quote(dir.resolve("seen").toString());

        assertThat(run(BatchScript.wrap(framework, results.toString(), 4), Map.of()))
                .isZero();

        String pgid = Files.readString(results.resolve("batch-4.pgid")).trim();
        assertThat(pgid).isEqualTo(Files.readString(dir.resolve("seen")).trim());
        assertThat(Long.parseLong(pgid)).isNotEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void frameworkCommandDoesNotIgnoreSigintSoATimedOutRunnerCanBeInterrupted() throws Exception {
        Path seen = dir.resolve("sigign");
        String framework = "grep SigIgn /proc/$$/status > " + Shell.quote(seen.toString());

        assertThat(run(BatchScript.wrap(framework, dir.resolve("r").toString(), 6), Map.of()))
                .isZero();

        long ignored =
                Long.parseLong(Files.readString(seen).replace("SigIgn:", "").trim(), 16);
        assertThat(ignored & (1L << 1)).as("SIGINT (2) ignored").isZero();
    }

    @Test
    void withoutSetsidTheStatusStillPropagates() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : new String[] {"sh", "mkdir"}) {
            Files.copy(Path.of("/bin", tool), bin.resolve(tool), StandardCopyOption.COPY_ATTRIBUTES);
        }
        String script = BatchScript.wrap("exit 3", dir.resolve("r").toString(), 5);

        assertThat(run(script, Map.of("PATH", bin.toString()))).isEqualTo(3);
        assertThat(dir.resolve("r/batch-5.start")).isRegularFile();
    }

    private int run(String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", script)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
