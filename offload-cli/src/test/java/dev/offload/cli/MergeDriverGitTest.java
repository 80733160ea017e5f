package dev.offload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history merge driver through a real {@code git merge} (SPEC §12.7, §12.8): two branches that both recorded
 * history merge without conflict markers, without losing a test, with their counters combined. The runs use the
 * {@code default} framework (a shell command) so that no test runner is needed.
 */
class MergeDriverGitTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path repo;

    private Path config;

    @BeforeEach
    void requireGit() throws Exception {
        assertThat(git(repo, "--version").exitCode).as("git is required").isZero();
        git(repo, "init", "-q", "-b", "main");
        Files.createDirectories(repo.resolve("sub"));
        config = repo.resolve("sub/offload.toml");
    }

    @Test
    void setupIsIdempotentAndWorksFromASubdirectory() throws Exception {
        writeConfig("a\\nb");

        CliRun first = CliRun.of("-c", config.toString(), "history", "setup-merge-driver");
        CliRun second = CliRun.of("-c", config.toString(), "history", "setup-merge-driver");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Updated .gitattributes", "Git merge driver configured");
        assertThat(second.out()).contains(".gitattributes already configured", "Git merge driver configured");
        assertThat(repo.resolve(".gitattributes")).hasContent("sub/offload-history.jsonl merge=offload-history");
        assertThat(git(repo, "config", "merge.offload-history.driver").out.strip())
                .isEqualTo("offload history merge %O %A %B");
        assertThat(git(repo, "config", "merge.offload-history.name").out.strip())
                .isEqualTo("Offload test history merger");
    }

    @Test
    void setupOutsideARepositoryIsAOneLineError() throws Exception {
        Path outside = Files.createTempDirectory("offload-no-git");
        CliRun run = CliRun.of("-c", outside.resolve("offload.toml").toString(), "history", "setup-merge-driver");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("is not inside a git repository").doesNotContain("Exception");
    }

    @Test
    void twoBranchesThatRecordedHistoryMergeWithoutConflictsOrLoss() throws Exception {
        writeConfig("shared\\nbase_only");
        assertThat(run().exitCode()).isZero();
        assertThat(CliRun.of("-c", config.toString(), "history", "setup-merge-driver")
                        .exitCode())
                .isZero();
        // Tests run `offload` from the build's classes rather than an installed launcher.
        git(repo, "config", "merge.offload-history.driver", driverCommand());
        commitAll("base");

        git(repo, "checkout", "-q", "-b", "feature");
        writeConfig("shared\\nfeature_only");
        assertThat(run().exitCode()).isZero();
        assertThat(run().exitCode()).isZero();
        commitAll("feature runs");

        git(repo, "checkout", "-q", "main");
        writeConfig("shared\\nmain_only");
        assertThat(run().exitCode()).isZero();
        commitAll("main run");

        Result merge = git(repo, "merge", "--no-edit", "feature");

        assertThat(merge.exitCode).as(merge.out).isZero();
        String merged = Files.readString(repo.resolve("sub/offload-history.jsonl"));
        assertThat(merged).doesNotContain("<<<<<<<", "=======", ">>>>>>>");
        Map<String, JsonNode> byTest = new HashMap<>();
        for (String line : merged.lines().toList()) {
            JsonNode record = JSON.readTree(line);
            byTest.put(record.path("k").path(1).asText(), record.path("v"));
        }
        assertThat(byTest).containsOnlyKeys("shared", "base_only", "feature_only", "main_only");
        // shared: 1 in the base, +2 on feature, +1 on main
        assertThat(byTest.get("shared").path("n").asInt()).isEqualTo(4);
        assertThat(byTest.get("shared").path("ok").size()).isEqualTo(4);
        assertThat(byTest.get("feature_only").path("n").asInt()).isEqualTo(2);
        assertThat(merged.lines().sorted().toList()).isEqualTo(merged.lines().toList());
    }

    private CliRun run() {
        return CliRun.of("-c", config.toString(), "run");
    }

    private void writeConfig(String ids) throws IOException {
        Files.writeString(config, """
                [offload]
                max_parallel = 1

                [provider]
                type = "local"

                [framework]
                type = "default"
                discover_command = 'cat ids.txt # {filters}'
                run_command = 'true {tests}'
                test_id_format = "{name}"

                [groups.all]

                [report]
                output_dir = "out"
                html = false

                [history]
                record_history = "always"
                """);
        // The ids differ per branch; they live outside git so that only the history file needs merging.
        Files.writeString(repo.resolve("sub/ids.txt"), ids.replace("\\n", "\n") + "\n");
        Files.writeString(repo.resolve(".gitignore"), "sub/out/\nsub/ids.txt\n");
    }

    private String driverCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' dev.offload.cli.Main history merge"
                + " %O %A %B";
    }

    private void commitAll(String message) throws Exception {
        git(repo, "add", "-A");
        Result commit = git(repo, "commit", "-q", "-m", message);
        assertThat(commit.exitCode).as(commit.out).isZero();
    }

    private record Result(int exitCode, String out) {}

    private static Result git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GIT_AUTHOR_NAME", "t");
        builder.environment().put("GIT_AUTHOR_EMAIL", "t@example.invalid");
        builder.environment().put("GIT_COMMITTER_NAME", "t");
        builder.environment().put("GIT_COMMITTER_EMAIL", "t@example.invalid");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
