package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offload.core.config.Config;
import dev.offload.core.git.GitRepo;
import dev.offload.core.image.ImageCache;
import dev.offload.core.image.ImageOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The {@code modal} provider through the image pipeline of SPEC §13: the bundled {@code modal_sandbox.py} over the
 * STAND-IN Modal SDK ({@code src/test/resources/modal-standin}, Modal cannot be reached from our machines), which
 * records every {@code Image.build} and builds "images" as directories, in a real git repository.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ModalImageTest {
    @TempDir
    Path dir;

    private GitRepo repo;
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @BeforeEach
    void project() throws Exception {
        ModalProviderRunTest.standInIsOnThePythonPath();
        repo = GitRepo.init(dir);
        repo.write(".gitignore", "test-results/\n.modal-standin/\n");
        repo.write("data.txt", "stale\n");
        writeConfig("");
    }

    private void writeConfig(String offloadExtra) throws Exception {
        repo.write("offload.toml", """
                [offload]
                max_parallel = 1
                test_timeout_secs = 60
                sandbox_repo_root = "."
                sandbox_init_cmd = "echo init > init.txt"
                %s

                [provider]
                type = "modal"
                include_cwd = true

                [framework]
                type = "default"
                discover_command = "echo check # {filters}"
                run_command = '''test "$(cat init.txt)" = init && test "$(cat data.txt)" = expected # {tests}'''
                test_id_format = "{name}"

                [groups.all]
                retry_count = 0
                """.formatted(offloadExtra));
    }

    @Test
    void secondBuildOfTheSameCommitHitsTheCacheWithoutBuildingAnImage() throws Exception {
        String head = repo.commitAll("base").strip();

        String first = build(ImageOptions.defaults());
        String second = build(ImageOptions.defaults());

        assertThat(second).isEqualTo(first);
        List<JsonNode> builds = calls("Image.build");
        assertThat(builds).hasSize(1);
        assertThat(builds.get(0).get("image_id").asText()).isEqualTo(first);
        assertThat(builds.get(0).get("steps").toString()).contains("\"add_local_dir\"", "echo init > init.txt");
        assertThat(progress).contains("[cache] Latest-commit hit: using cached image from " + head.substring(0, 8));
        assertThat(repo.git("notes", "--ref=" + ImageCache.NOTES_REF, "show", head))
                .contains("\"image_id\" : \"" + first + "\"");
    }

    @Test
    void uncommittedChangeReachesTheSandboxThroughAThinDiffImage() throws Exception {
        writeConfig("post_patch_cmd = 'echo \"$$OFFLOAD_PATCH_FILE\" > post.txt'");
        repo.commitAll("base with stale data");
        Files.writeString(dir.resolve("data.txt"), "expected\n"); // uncommitted

        RunResult result = run(ImageOptions.defaults());

        assertThat(DefaultProviderRunTest.verdicts(result)).containsExactly(Map.entry("check", Verdict.PASSED));
        List<JsonNode> builds = calls("Image.build");
        assertThat(builds).hasSize(2);
        String thin = builds.get(1).get("steps").toString();
        assertThat(thin)
                .startsWith("[[\"from_id\",\"" + builds.get(0).get("image_id").asText() + "\"]")
                .contains("/tmp/offload.patch", "apply --binary", "export OFFLOAD_PATCH_FILE=/tmp/offload.patch");
        String sandboxImage = calls("Sandbox.create").get(0).get("image").asText();
        assertThat(sandboxImage).isEqualTo(builds.get(1).get("image_id").asText());
        Path image = dir.resolve(".modal-standin").resolve(sandboxImage);
        // The stand-in keeps the patch inside the image directory, so only the end of the path is Modal's.
        assertThat(Files.readString(image.resolve("post.txt")).strip()).endsWith("/tmp/offload.patch");
        assertThat(image.resolve("tmp/offload.patch")).doesNotExist(); // removed after it was applied
    }

    @Test
    void overrideImageIdIsTheImageOfEverySandboxAndNothingIsBuilt() throws Exception {
        repo.commitAll("base");
        String given = build(new ImageOptions(true, Optional.empty(), List.of()));
        Files.writeString(dir.resolve("data.txt"), "expected\n"); // not in the given image
        int buildsBefore = calls("Image.build").size();

        RunResult result = run(new ImageOptions(false, Optional.of(given), List.of()));

        assertThat(calls("Image.build")).hasSize(buildsBefore);
        assertThat(calls("Sandbox.create"))
                .isNotEmpty()
                .allSatisfy(create -> assertThat(create.get("image").asText()).isEqualTo(given));
        // The given image has the committed data: the uncommitted change did not reach it.
        assertThat(DefaultProviderRunTest.verdicts(result)).containsExactly(Map.entry("check", Verdict.FAILED));
    }

    private String build(ImageOptions options) throws Exception {
        return ProjectRuns.build(load(), options, progress, warnings);
    }

    private RunResult run(ImageOptions options) throws Exception {
        return ProjectRuns.run(load(), options);
    }

    private Config load() throws Exception {
        return ProjectRuns.load(dir.resolve("offload.toml"));
    }

    private List<JsonNode> calls(String name) throws Exception {
        Path log = dir.resolve(".modal-standin/calls.jsonl");
        List<JsonNode> calls = new ArrayList<>();
        if (!Files.exists(log)) {
            return calls;
        }
        var mapper = new ObjectMapper();
        for (String line : Files.readAllLines(log)) {
            JsonNode call = mapper.readTree(line);
            if (call.get("call").asText().equals(name)) {
                calls.add(call);
            }
        }
        return calls;
    }
}
