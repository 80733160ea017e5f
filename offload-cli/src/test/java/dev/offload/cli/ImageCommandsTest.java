package dev.offload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code build}, {@code checkpoint-status} and {@code apply-diff} as a user sees them (SPEC §5.4, §13). */
class ImageCommandsTest {
    @TempDir
    Path dir;

    @Test
    void buildWithTheLocalProviderSaysThereIsNothingToBuild() throws Exception {
        Path config = Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                [provider]
                type = "local"
                [framework]
                type = "pytest"
                [groups.all]
                retry_count = 0
                """);

        CliRun run = CliRun.of("-c", config.toString(), "build");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo("Provider 'local' does not build images. Nothing to do." + System.lineSeparator());
    }

    @Test
    void buildWithADefaultProviderTwicePrintsTheSameIdAndRunsPrepareOnce() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        git(repo, "init", "-q");
        Path count = dir.resolve("prepare-count");
        Files.writeString(repo.resolve("offload.toml"), """
                [offload]
                sandbox_repo_root = "/app"
                [provider]
                type = "default"
                # The pipeline appends its flags (--context-dir=...): they become the arguments of sh -c.
                prepare_command = "sh -c 'echo run >> %s; echo image-$(wc -l < %s)' prepare"
                create_command = "echo sb {image_id}"
                exec_command = "sh -c {command}"
                destroy_command = "true"
                [framework]
                type = "pytest"
                [groups.all]
                retry_count = 0
                """.formatted(count, count));
        git(repo, "add", "-A");
        git(repo, "-c", "user.email=t@example.invalid", "-c", "user.name=T", "commit", "-q", "-m", "base");
        String config = repo.resolve("offload.toml").toString();
        Files.writeString(repo.resolve(".gitignore"), "test-results/\n");
        git(repo, "add", "-A");
        git(repo, "-c", "user.email=t@example.invalid", "-c", "user.name=T", "commit", "-q", "-m", "ignore outputs");

        CliRun first = CliRun.of("-c", config, "build");
        CliRun second = CliRun.of("-c", config, "build");

        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
        assertThat(first.out()).isEqualTo("image-1" + System.lineSeparator());
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(second.err()).contains("[cache] Latest-commit hit: using cached image from ");
        assertThat(Files.readAllLines(count)).containsExactly("run");
    }

    @Test
    void overrideImageIdWithTheLocalProviderIsOneLineBeforeDiscovery() throws Exception {
        Path config = Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                [provider]
                type = "local"
                [framework]
                type = "default"
                discover_command = "touch discovered # {filters}"
                run_command = "true {tests}"
                test_id_format = "{name}"
                [groups.all]
                retry_count = 0
                """);

        CliRun run = CliRun.of("-c", config.toString(), "run", "--override-image-id", "img-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("error: --override-image-id (Maven: offload.overrideImageId) needs a provider that builds"
                        + " images, not 'local'")
                .doesNotContain("Exception");
        assertThat(dir.resolve("discovered")).doesNotExist();
    }

    @Test
    void buildWithoutADockerDaemonIsOneLineNamingTheEndpoint() throws Exception {
        Path config = Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                sandbox_repo_root = "/app"
                [provider]
                type = "docker"
                image = "python:3.12"
                include_cwd = true
                docker_host = "unix:///nonexistent/docker.sock"
                [framework]
                type = "pytest"
                [groups.all]
                retry_count = 0
                """);

        CliRun run = CliRun.of("-c", config.toString(), "build");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().toList())
                .first()
                .asString()
                .startsWith("error: cannot reach the docker daemon at unix:///nonexistent/docker.sock (")
                .endsWith("); start dockerd or set [provider] docker_host");
        assertThat(run.err()).doesNotContain("Exception\n\tat ");
    }

    @Test
    void applyDiffAppliesARealGitPatchAndFailsNamingTheFileThatDoesNotMatch() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        git(repo, "init", "-q");
        Files.writeString(repo.resolve("app.txt"), "one\ntwo\n");
        git(repo, "add", "-A");
        git(repo, "-c", "user.email=t@example.invalid", "-c", "user.name=T", "commit", "-q", "-m", "base");
        Files.writeString(repo.resolve("app.txt"), "one\nTWO\n");
        Files.writeString(repo.resolve("new.txt"), "fresh\n");
        git(repo, "add", "-A");
        Path patch = dir.resolve("change.patch");
        Files.writeString(patch, git(repo, "diff", "--cached", "--binary", "HEAD"));
        Path target = Files.createDirectories(dir.resolve("target"));
        Files.writeString(target.resolve("app.txt"), "one\ntwo\n");

        CliRun applied = CliRun.of("apply-diff", patch.toString(), "--project-root", target.toString());

        assertThat(applied.exitCode()).isZero();
        assertThat(target.resolve("app.txt")).hasContent("one\nTWO");
        assertThat(target.resolve("new.txt")).hasContent("fresh");

        CliRun again = CliRun.of("apply-diff", patch.toString(), "--project-root", target.toString());

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err())
                .startsWith("error: app.txt: hunk at line 1 does not match the file")
                .doesNotContain("Exception");
    }

    @Test
    void applyDiffWithAMissingPatchFileIsOneLine() {
        CliRun run = CliRun.of("apply-diff", dir.resolve("nope.patch").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("error: patch file " + dir.resolve("nope.patch") + " does not exist");
    }

    @Test
    void checkpointStatusDescribesTheNextRun() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        git(repo, "init", "-q");
        Files.writeString(repo.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(repo.resolve("offload.toml"), """
                [offload]
                sandbox_repo_root = "/app"
                [provider]
                type = "docker"
                dockerfile = "Dockerfile"
                [framework]
                type = "pytest"
                [groups.all]
                retry_count = 0
                [checkpoint]
                build_inputs = ["Dockerfile"]
                """);
        git(repo, "add", "-A");
        git(repo, "-c", "user.email=t@example.invalid", "-c", "user.name=T", "commit", "-q", "-m", "base");
        String head = git(repo, "rev-parse", "HEAD").strip();

        CliRun run = CliRun.of("-c", repo.resolve("offload.toml").toString(), "checkpoint-status");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(
                        "HEAD:               " + head.substring(0, 8),
                        "Base commit:        " + head.substring(0, 8) + " (HEAD)",
                        "Cached image:       (none)",
                        "Next run mode:      full build (no cached image for " + head.substring(0, 8) + ")");
    }

    private static String git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
