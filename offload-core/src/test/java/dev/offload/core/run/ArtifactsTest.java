package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import dev.offload.core.provider.Shell;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code download_globs} (SPEC §11.8) on the local provider and through shell templates. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ArtifactsTest {
    /**
     * Each test writes {@code out/<id>.log}; test {@code b} fails. The pause stands for a runner's start-up: a file
     * written in the same file-system clock tick as the start marker is not {@code -newer} than it.
     */
    private static final String RUN =
            "sleep 0.1; for t in {tests}; do mkdir -p out && echo \"log of $t\" > out/$t.log && touch out/$t.txt; done;"
                    + " case \" {tests} \" in *\" b \"*) exit 1;; esac";

    @TempDir
    Path dir;

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final RunObserver observer = new RunObserver() {
        @Override
        public void warning(String line) {
            warnings.add(line);
        }
    };

    @Test
    void filesMatchingTheGlobsThatTheBatchWroteAreCollectedPerBatch() throws Exception {
        Files.createDirectories(dir.resolve("out"));
        Path old = Files.writeString(dir.resolve("out/old.log"), "from an earlier run");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(3600)));

        // One sandbox: local sandboxes share the project directory, so parallel batches would see each other's files.
        run(config(1, localProvider(), "download_globs = [\"out/*.log\"]"));

        assertThat(collected()).containsExactlyInAnyOrder("a.log", "b.log", "c.log");
        assertThat(artifact("b.log")).hasContent("log of b");
        assertThat(warnings).noneMatch(w -> w.contains("artifacts"));
    }

    @Test
    void failureOnlyCollectsOnlyFailingBatches() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        String provider = DefaultProviderRunTest.templates(project, dir.resolve("lifecycle"), true);

        run(config(3, provider, "download_globs = [\"./out/*.log\"]\ndownload_globs_failure_only = true"));

        assertThat(collected()).containsExactly("b.log");
    }

    @Test
    void shellTemplateSandboxesHandArtifactsBackThroughExec() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        String provider = DefaultProviderRunTest.templates(project, dir.resolve("lifecycle"), false);

        run(config(3, provider, "download_globs = [\"out/*.txt\"]"));

        assertThat(collected()).containsExactlyInAnyOrder("a.txt", "b.txt", "c.txt");
        DefaultProviderRunTest.assertNoSandboxLeft();
    }

    @Test
    void escapingArchiveFromASandboxIsRefusedAndTheRunGoesOn() throws Exception {
        Path evil = dir.resolve("evil.tar.gz");
        try (OutputStream out = Files.newOutputStream(evil);
                var tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            TarArchiveEntry entry = new TarArchiveEntry("../../escaped.txt", true);
            entry.setSize(1);
            tar.putArchiveEntry(entry);
            tar.write('x');
            tar.closeArchiveEntry();
        }
        // A sandbox that lies: whatever is asked for, it hands back the crafted archive.
        String provider = """
                [provider]
                type = "default"
                create_command = "echo sb-1"
                exec_command = "sh -c {command}"
                destroy_command = "true"
                download_command = 'for p in {paths}; do cp %s "$${p#*:}"; done'
                """.formatted(Shell.quote(evil.toString()));

        RunResult result = run(config(3, provider, "download_globs = [\"out/*.log\"]"));

        assertThat(DefaultProviderRunTest.verdicts(result))
                .containsEntry("a", Verdict.PASSED)
                .containsEntry("b", Verdict.FAILED);
        assertThat(dir.resolve("test-results/escaped.txt")).doesNotExist();
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
        assertThat(warnings)
                .anyMatch(w -> w.matches("artifacts of batch \\d+: refused archive entry '../../escaped.txt': paths"
                        + " with '..' are not extracted"));
    }

    private List<String> collected() throws Exception {
        Path root = dir.resolve("test-results/artifacts");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .toList();
        }
    }

    private Path artifact(String name) throws Exception {
        try (Stream<Path> files = Files.walk(dir.resolve("test-results/artifacts"))) {
            Path found = files.filter(p -> p.getFileName().toString().equals(name))
                    .findFirst()
                    .orElseThrow();
            assertThat(dir.resolve("test-results/artifacts").relativize(found).toString())
                    .matches("batch-\\d+/out/" + name);
            return found;
        }
    }

    private RunResult run(Config config) throws Exception {
        return new OffloadRun(config, RunOptions.defaults(), observer, Clock.systemUTC()).execute();
    }

    private static String localProvider() {
        return "[provider]\ntype = \"local\"\n";
    }

    private Config config(int maxParallel, String provider, String report) throws Exception {
        Path file = Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = %d
                test_timeout_secs = 60
                sandbox_project_root = "."
                impatiently_requeue_batches = false

                %s
                [framework]
                type = "default"
                discover_command = "printf 'a\\\\nb\\\\nc\\\\n' # {filters}"
                run_command = '%s'
                test_id_format = "{name}"

                [groups.all]
                retry_count = 0

                [report]
                %s
                """.formatted(maxParallel, provider, RUN, report));
        var options = new LoadOptions(false, Map.of(), Path.of("test-results"), Optional.empty(), w -> {});
        return ConfigLoader.load(file, options);
    }
}
