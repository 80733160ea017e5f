package dev.offload.core.provider.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offload.core.config.ProviderConfig;
import dev.offload.core.provider.OutputListener;
import dev.offload.core.provider.ProviderException;
import dev.offload.core.provider.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One container of the docker provider on the real daemon: exec, streamed lines, exit status, copy out, labels. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DockerSandboxTest {
    @TempDir
    Path dir;

    private DockerProvider provider;

    @BeforeEach
    void create() throws Exception {
        DockerAvailability.require();
        var config = new ProviderConfig.Docker(
                Optional.of(DockerAvailability.BASE_IMAGE),
                Optional.empty(),
                false,
                List.of(),
                0.5,
                Optional.of(0.25),
                "none",
                Map.of(),
                List.of("-e", "FROM_RUN_ARGS=yes", "--add-host", "db.internal:10.1.2.3"),
                Optional.empty());
        provider = new DockerProvider(
                DockerClients.connect(Optional.empty()),
                config,
                DockerAvailability.BASE_IMAGE,
                "t3st",
                "/work",
                w -> {});
    }

    @AfterEach
    void close() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void execStreamsLinesPerStreamAndReturnsTheScriptsStatus() throws Exception {
        Sandbox sandbox = provider.create(0);
        List<String> out = new CopyOnWriteArrayList<>();
        List<String> err = new CopyOnWriteArrayList<>();
        String script = """
                printf 'partial '; sleep 0.2; echo line
                echo "to stderr" >&2
                echo "root=$PWD env=$FROM_RUN_ARGS batch=$BATCH_VAR"
                grep -c db.internal /etc/hosts
                exit 3
                """;

        Sandbox.ExecResult result = sandbox.exec(
                new Sandbox.ExecRequest(script, "/work", Map.of("BATCH_VAR", "b v"), Duration.ofSeconds(30)),
                new OutputListener() {
                    @Override
                    public void stdout(String line) {
                        out.add(line);
                    }

                    @Override
                    public void stderr(String line) {
                        err.add(line);
                    }
                });

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.timedOut()).isFalse();
        assertThat(out).containsExactly("partial line", "root=/work env=yes batch=b v", "1");
        assertThat(err).containsExactly("to stderr");
        assertThat(sandbox.id()).hasSize(12);
    }

    @Test
    void downloadCopiesAFileOutAndAMissingFileIsAPermanentError() throws Exception {
        Sandbox sandbox = provider.create(1);
        sandbox.exec(
                new Sandbox.ExecRequest(
                        "mkdir -p /tmp/r && printf '<x/>' > /tmp/r/out.xml", "/", Map.of(), Duration.ofSeconds(30)),
                OutputListener.DISCARD);

        sandbox.download(List.of(new Sandbox.Transfer("/tmp/r/out.xml", dir.resolve("parts/out.xml"))));

        assertThat(dir.resolve("parts/out.xml")).hasContent("<x/>");
        assertThatThrownBy(() -> sandbox.download(List.of(new Sandbox.Transfer("/tmp/r/none.xml", dir.resolve("n")))))
                .isInstanceOf(ProviderException.class)
                .hasMessageEndingWith("cannot download /tmp/r/none.xml: no such file")
                .satisfies(e -> assertThat(((ProviderException) e).retryable()).isFalse());
    }

    @Test
    void destroyRemovesTheContainerAndCloseRemovesWhatIsLeft() throws Exception {
        Sandbox first = provider.create(0);
        provider.create(1);
        assertThat(provider.liveContainers()).hasSize(2);

        first.destroy();
        first.destroy(); // a second removal of a gone container is fine

        assertThat(provider.liveContainers()).hasSize(1);
        provider.close();
        assertThat(provider.liveContainers()).isEmpty();
        assertThat(DockerRunTest.containersOf("t3st")).isEmpty();
        assertThat(Files.exists(dir)).isTrue();
    }
}
