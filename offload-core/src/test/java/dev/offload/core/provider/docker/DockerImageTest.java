package dev.offload.core.provider.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.offload.core.config.Config;
import dev.offload.core.git.GitRepo;
import dev.offload.core.image.ImageCache;
import dev.offload.core.image.ImageOptions;
import dev.offload.core.provider.SandboxImages;
import dev.offload.core.run.RunResult;
import dev.offload.core.run.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image pipeline of SPEC §13 on the real docker daemon: a Dockerfile-built base, the git-notes cache, the thin
 * diff carrying uncommitted work into the sandbox, {@code sandbox_init_cmd} and {@code post_patch_cmd}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DockerImageTest {
    @TempDir
    Path dir;

    private final List<String> progress = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @BeforeEach
    void requireDocker() {
        DockerAvailability.require();
    }

    @Test
    void secondBuildOfTheSameCommitHitsTheCacheWithoutBuilding() throws Exception {
        GitRepo repo = project("");
        String head = repo.commitAll("base");
        Config config = DockerRunTest.load(dir.resolve("offload.toml"));

        String first = build(config);
        List<String> firstLines = List.copyOf(progress);
        progress.clear();
        String second = build(config);

        String sha8 = head.substring(0, 8);
        assertThat(firstLines)
                .contains("[cache] Latest-commit miss: no cached image for " + sha8 + " -- building base")
                .anyMatch(l -> l.startsWith("[prepare] starting: base build"));
        assertThat(second).isEqualTo(first);
        assertThat(progress)
                .contains("[cache] Latest-commit hit: using cached image from " + sha8)
                .noneMatch(l -> l.contains("starting: base build"));
        assertThat(repo.git("notes", "--ref=" + ImageCache.NOTES_REF, "show", head))
                .contains("\"offload.toml\"", "\"image_id\" : \"" + first + "\"");
        try (DockerClient client = DockerClients.open(Optional.empty())) {
            assertThat(client.inspectImageCmd(first).exec().getConfig().getLabels())
                    .containsEntry("dev.offload.test", "from-dockerfile");
        }
    }

    @Test
    void noCacheBuildsWithoutReadingOrWritingNotes() throws Exception {
        GitRepo repo = project("");
        String head = repo.commitAll("base");
        Config config = DockerRunTest.load(dir.resolve("offload.toml"));

        SandboxImages.prepare(
                config, new ImageOptions(true, Optional.empty(), List.of()), progress::add, warnings::add);

        assertThat(progress).noneMatch(l -> l.startsWith("[cache]"));
        assertThat(repo.git()
                        .run(null, "notes", "--ref=" + ImageCache.NOTES_REF, "show", head)
                        .ok())
                .isFalse();
    }

    @Test
    void uncommittedWorkReachesTheTestsThroughTheThinDiff() throws Exception {
        GitRepo repo = project("""
                sandbox_init_cmd = "echo init > init.txt"
                post_patch_cmd = "echo patched > post.txt"
                """);
        Files.writeString(dir.resolve("tests/data.txt"), "stale\n");
        repo.commitAll("base with stale data");
        Config config = DockerRunTest.load(dir.resolve("offload.toml"));
        build(config); // the base image, cached for the commit

        Files.writeString(dir.resolve("tests/data.txt"), "expected\n"); // uncommitted change
        Files.writeString(dir.resolve("tests/test_untracked.py"), """
                import os

                def test_init_and_post_patch_ran():
                    root = os.environ["OFFLOAD_ROOT"]
                    assert open(os.path.join(root, "init.txt")).read() == "init\\n"
                    assert open(os.path.join(root, "post.txt")).read() == "patched\\n"
                """);
        String base = cachedBase(repo);
        List<String> thinImagesBefore = thinDiffImagesOf(base);
        progress.clear();
        RunResult result = DockerRunTest.run(config, new dev.offload.core.run.RunObserver() {
            @Override
            public void phase(String line) {
                progress.add(line);
            }
        });

        Map<String, Verdict> verdicts = DockerRunTest.verdicts(result);
        assertThat(verdicts)
                .containsEntry("tests/test_mixed.py::test_reads_data", Verdict.PASSED)
                .containsEntry("tests/test_untracked.py::test_init_and_post_patch_ran", Verdict.PASSED)
                .containsEntry("tests/test_mixed.py::test_fails", Verdict.FAILED);
        assertThat(DockerRunTest.containersOf(result.runId())).isEmpty();
        // The run built its own thin-diff image and removed it at its end; the cached base stays.
        assertThat(progress).anyMatch(l -> l.startsWith("[prepare] starting: thin-diff build"));
        assertThat(thinDiffImagesOf(base)).containsExactlyInAnyOrderElementsOf(thinImagesBefore);
        try (DockerClient client = DockerClients.open(Optional.empty())) {
            assertThat(client.inspectImageCmd(base).exec().getId()).contains(base);
        }
        // Build output is held back until discovery has printed its finish line (SPEC §5.3 step 4).
        int discovered = indexOf(progress, "[discover] finished");
        assertThat(discovered).isNotNegative().isLessThan(indexOf(progress, "[prepare]"));
    }

    @Test
    void checkpointImageIsReusedForLaterCommitsThroughTheThinDiff() throws Exception {
        GitRepo repo = project("");
        Files.writeString(
                dir.resolve("offload.toml"),
                Files.readString(dir.resolve("offload.toml")) + "\n[checkpoint]\nbuild_inputs = [\"Dockerfile\"]\n");
        Files.writeString(dir.resolve("tests/data.txt"), "stale\n");
        String checkpoint = repo.commitAll("checkpoint");
        Config config = DockerRunTest.load(dir.resolve("offload.toml"));
        String base = build(config);
        Files.writeString(dir.resolve("tests/data.txt"), "expected\n");
        String later = repo.commitAll("a later commit that does not touch the Dockerfile");
        progress.clear();

        String image = build(config);

        String sha8 = checkpoint.substring(0, 8);
        assertThat(later).isNotEqualTo(checkpoint);
        assertThat(progress)
                .contains("[cache] Checkpoint hit: using cached image from " + sha8)
                .contains("[prepare] thin diff: 1 file(s) changed since " + sha8)
                .noneMatch(l -> l.contains("starting: base build"));
        assertThat(image).isNotEqualTo(base);
        assertThat(dev.offload.core.image.CheckpointStatus.render(config, "origin", warnings::add))
                .contains("Base commit:        " + sha8 + " (1 commit before HEAD)")
                .contains("Cached image:       " + base)
                .contains("Next run mode:      thin diff (1 files changed since checkpoint)");
    }

    @Test
    void executablesOfTheProjectKeepTheirExecuteBitInTheImage() throws Exception {
        GitRepo repo = project("");
        Path tool = dir.resolve("bin/tool.sh");
        Files.createDirectories(tool.getParent());
        Files.writeString(tool, "#!/bin/sh\necho tool ran\n");
        tool.toFile().setExecutable(true);
        Files.writeString(dir.resolve("tests/test_tool.py"), """
                import os, subprocess

                def test_tool_runs():
                    tool = os.path.join(os.environ["OFFLOAD_ROOT"], "bin", "tool.sh")
                    assert subprocess.run([tool], capture_output=True, text=True).stdout == "tool ran\\n"
                """);
        repo.commitAll("a project with an executable script");
        Config config = DockerRunTest.load(dir.resolve("offload.toml"));

        RunResult result = DockerRunTest.run(config, new dev.offload.core.run.RunObserver() {});

        assertThat(DockerRunTest.verdicts(result)).containsEntry("tests/test_tool.py::test_tool_runs", Verdict.PASSED);
    }

    private static String cachedBase(GitRepo repo) throws Exception {
        String note = repo.git("notes", "--ref=" + ImageCache.NOTES_REF, "show", "HEAD");
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(note)
                .path("offload.toml")
                .path("image_id")
                .asText();
    }

    private static List<String> thinDiffImagesOf(String base) throws Exception {
        try (DockerClient client = DockerClients.open(Optional.empty())) {
            return client
                    .listImagesCmd()
                    .withLabelFilter(Map.of(DockerImageBuilder.THIN_DIFF_LABEL, base))
                    .exec()
                    .stream()
                    .map(image -> image.getId())
                    .toList();
        }
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private String build(Config config) throws Exception {
        return SandboxImages.prepare(config, ImageOptions.defaults(), progress::add, warnings::add)
                .orElseThrow();
    }

    private GitRepo project(String offloadExtra) throws Exception {
        GitRepo repo = GitRepo.init(dir);
        PytestProject.write(dir);
        Files.writeString(dir.resolve(".gitignore"), "test-results/\n");
        Files.writeString(dir.resolve("Dockerfile"), """
                FROM %s
                LABEL dev.offload.test=from-dockerfile
                """.formatted(DockerAvailability.BASE_IMAGE));
        Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 2
                test_timeout_secs = 60
                sandbox_repo_root = "/app"
                %s
                [provider]
                type = "docker"
                dockerfile = "Dockerfile"
                include_cwd = true
                env = { PYTEST_DISABLE_PLUGIN_AUTOLOAD = "1" }

                [framework]
                type = "pytest"
                paths = ["tests"]
                command = "python3 -m pytest"

                [groups.all]
                retry_count = 0
                """.formatted(offloadExtra));
        return repo;
    }
}
