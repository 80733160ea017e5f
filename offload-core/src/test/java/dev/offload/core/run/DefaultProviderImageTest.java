package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.config.Config;
import dev.offload.core.git.GitRepo;
import dev.offload.core.image.ImageCache;
import dev.offload.core.image.ImageOptions;
import dev.offload.core.provider.SandboxImages;
import dev.offload.core.provider.Shell;
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
 * The {@code default} provider through the image pipeline of SPEC §13, with real shell templates and a real git
 * repository: {@code template-sandbox/prepare.sh} builds "images" as directories (its log counts the builds), create.sh
 * copies an image into a private sandbox directory.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DefaultProviderImageTest {
    @TempDir
    Path dir;

    private Path project;
    private Path builds;
    private Path lifecycle;
    private GitRepo repo;
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @BeforeEach
    void project() throws Exception {
        project = dir.resolve("project");
        builds = dir.resolve("builds.log");
        lifecycle = dir.resolve("lifecycle.log");
        repo = GitRepo.init(project);
        repo.write(".gitignore", "test-results/\n");
        repo.write("data.txt", "stale\n");
        writeConfig("", "create.sh {image_id} " + q(lifecycle), "test \"$(cat init.txt)\" = init");
    }

    /** The project's offload.toml; the create template follows {@code create.sh}, the run command checks files. */
    private void writeConfig(String offloadExtra, String create, String check) throws Exception {
        String scripts = "sh " + q(DefaultProviderRunTest.scriptsDir()) + "/";
        repo.write("offload.toml", """
                [offload]
                max_parallel = 1
                test_timeout_secs = 60
                sandbox_repo_root = "."
                sandbox_init_cmd = "echo init > init.txt"
                %s

                [provider]
                type = "default"
                prepare_command = '''%sprepare.sh %s %s'''
                create_command = '''%s%s'''
                exec_command = '''%sexec.sh {sandbox_id} {command}'''
                destroy_command = '''%sdestroy.sh {sandbox_id} %s'''
                timeout_secs = 60

                [framework]
                type = "default"
                discover_command = "echo check # {filters}"
                run_command = '''%s # {tests}'''
                test_id_format = "{name}"

                [groups.all]
                retry_count = 0
                """.formatted(
                        offloadExtra,
                        scripts,
                        q(builds),
                        q(dir.resolve("images")),
                        scripts,
                        create,
                        scripts,
                        scripts,
                        q(lifecycle),
                        check));
    }

    @Test
    void secondBuildOfTheSameCommitHitsTheCacheWithoutRunningPrepare() throws Exception {
        String head = repo.commitAll("base").strip();

        String first = build(ImageOptions.defaults());
        String second = build(ImageOptions.defaults());

        assertThat(Files.readAllLines(builds)).containsExactly("base");
        assertThat(second).isEqualTo(first);
        assertThat(progress)
                .contains(
                        "[cache] Latest-commit miss: no cached image for " + head.substring(0, 8) + " -- building base")
                .contains("[cache] Latest-commit hit: using cached image from " + head.substring(0, 8))
                .contains("[prepare]   prepare.sh: image ready");
        assertThat(repo.git("notes", "--ref=" + ImageCache.NOTES_REF, "show", head))
                .contains("\"offload.toml\"", "\"image_id\" : \"" + first + "\"");
        // sandbox_init_cmd ran in the base build, in the exported commit
        assertThat(Path.of(first).resolve("init.txt")).hasContent("init");
    }

    @Test
    void noCacheRunsPrepareEveryTimeAndWritesNoNote() throws Exception {
        String head = repo.commitAll("base").strip();

        build(new ImageOptions(true, Optional.empty(), List.of()));
        build(new ImageOptions(true, Optional.empty(), List.of()));

        assertThat(Files.readAllLines(builds)).containsExactly("base", "base");
        assertThat(progress).noneMatch(line -> line.startsWith("[cache]"));
        assertThat(repo.git()
                        .run(null, "notes", "--ref=" + ImageCache.NOTES_REF, "show", head)
                        .ok())
                .isFalse();
    }

    @Test
    void uncommittedChangeReachesTheSandboxThroughAThinDiffBuildOnTheBase() throws Exception {
        writeConfig(
                "post_patch_cmd = 'echo \"patched $${OFFLOAD_PATCH_FILE:+with a patch}\" > post.txt'",
                "create.sh {image_id} " + q(lifecycle),
                "test \"$(cat init.txt)\" = init && test \"$(cat post.txt)\" = \"patched with a patch\""
                        + " && test \"$(cat data.txt)\" = expected");
        repo.commitAll("base with stale data");
        Files.writeString(project.resolve("data.txt"), "expected\n"); // uncommitted

        RunResult result = run(ImageOptions.defaults());

        assertThat(DefaultProviderRunTest.verdicts(result)).containsExactly(Map.entry("check", Verdict.PASSED));
        List<String> lines = Files.readAllLines(builds);
        assertThat(lines).hasSize(2).first().isEqualTo("base");
        String base = repo.git("notes", "--ref=" + ImageCache.NOTES_REF, "show", "HEAD");
        assertThat(base).contains("\"image_id\" : \"" + lines.get(1).substring("thin ".length()) + "\"");
        DefaultProviderRunTest.assertNoSandboxLeft();
    }

    @Test
    void checkpointImageIsReusedForALaterCommitThroughAThinDiffAndCheckpointStatusSaysSo() throws Exception {
        repo.write("deps.txt", "v1\n");
        writeConfig("", "create.sh {image_id} " + q(lifecycle), "test \"$(cat data.txt)\" = expected");
        Files.writeString(
                project.resolve("offload.toml"),
                Files.readString(project.resolve("offload.toml")) + "\n[checkpoint]\nbuild_inputs = [\"deps.txt\"]\n");
        String checkpoint = repo.commitAll("checkpoint").strip();
        String base = build(ImageOptions.defaults());
        Files.writeString(project.resolve("data.txt"), "expected\n");
        repo.commitAll("a later commit that leaves deps.txt alone");
        progress.clear();

        RunResult result = run(ImageOptions.defaults());

        assertThat(DefaultProviderRunTest.verdicts(result)).containsExactly(Map.entry("check", Verdict.PASSED));
        assertThat(Files.readAllLines(builds)).containsExactly("base", "thin " + base);
        assertThat(dev.offload.core.image.CheckpointStatus.render(load(), "origin", warnings::add))
                .contains("Base commit:        " + checkpoint.substring(0, 8) + " (1 commit before HEAD)")
                .contains("Cached image:       " + base)
                .contains("Next run mode:      thin diff (1 files changed since checkpoint)");
    }

    @Test
    void buildOutputArrivesWhileThePrepareCommandRuns() throws Exception {
        Path go = dir.resolve("go");
        // The command waits for a file that only the progress consumer creates when it sees the first line.
        Path slow = Files.writeString(dir.resolve("slow-prepare.sh"), """
                echo waiting >&2
                for i in $(seq 100); do [ -f "$1" ] && break; sleep 0.1; done
                [ -f "$1" ] && echo img-streamed
                """);
        Files.writeString(
                project.resolve("offload.toml"),
                Files.readString(project.resolve("offload.toml"))
                        .replaceFirst(
                                "prepare_command = .*",
                                java.util.regex.Matcher.quoteReplacement(
                                        "prepare_command = \"sh " + slow + " " + go + "\"")));
        repo.commitAll("base");
        List<String> seen = new CopyOnWriteArrayList<>();

        String image = SandboxImages.prepare(
                        load(),
                        new ImageOptions(true, Optional.empty(), List.of()),
                        line -> {
                            seen.add(line);
                            if (line.equals("[prepare]   waiting")) {
                                touch(go);
                            }
                        },
                        warnings::add)
                .orElseThrow();

        assertThat(image).isEqualTo("img-streamed");
        assertThat(seen).contains("[prepare]   waiting");
    }

    private static void touch(Path file) {
        try {
            Files.writeString(file, "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void overrideImageIdSkipsPrepareAndIsTheImageOfEverySandbox() throws Exception {
        repo.commitAll("base");
        String given = build(ImageOptions.defaults());
        Files.delete(builds);
        Path creates = dir.resolve("creates.log");
        writeConfig("", "create.sh {image_id} && echo {image_id} >> " + q(creates), "test \"$(cat init.txt)\" = init");
        var images = new ImageOptions(false, Optional.of(given), List.of());

        RunResult result = run(images);

        assertThat(DefaultProviderRunTest.verdicts(result)).containsExactly(Map.entry("check", Verdict.PASSED));
        assertThat(builds).doesNotExist();
        assertThat(Files.readAllLines(creates)).containsOnly(given);
    }

    private String build(ImageOptions options) throws Exception {
        return ProjectRuns.build(load(), options, progress, warnings);
    }

    private RunResult run(ImageOptions options) throws Exception {
        return ProjectRuns.run(load(), options);
    }

    private Config load() throws Exception {
        return ProjectRuns.load(project.resolve("offload.toml"));
    }

    private static String q(Object value) {
        return Shell.quote(value.toString());
    }
}
