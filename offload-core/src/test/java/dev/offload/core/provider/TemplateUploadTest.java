package dev.offload.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staged junit class path on template-driven providers (SPEC §7.3): modal's {@code create} copies it in with
 * {@code --copy-dir}; user-written {@code default} templates have no copy step and refuse, so the run asks for
 * {@code sandbox_classpath}.
 */
class TemplateUploadTest {
    @TempDir
    Path dir;

    @Test
    void modalCreateGetsTheStagedDirectoryAsACopyDir() throws Exception {
        // `echo` prints what create received after the template: the sandbox id shows the appended flag.
        try (var provider = new DefaultProvider(commands("echo sb"), "modal", "", dir)) {
            Path staged = dir.resolve("out/.offload/classpath");

            boolean copies = provider.uploadAtCreation(new SandboxUpload(staged, "classpath"));
            Sandbox sandbox = provider.create(0);

            assertThat(copies).isTrue();
            assertThat(sandbox.id()).isEqualTo("sb --copy-dir=" + staged + ":/tmp/offload-r1/classpath");
        }
    }

    @Test
    void defaultTemplatesCannotCopyFilesIn() throws Exception {
        try (var provider = new DefaultProvider(commands("echo sb"), "default", "", dir)) {
            assertThat(provider.uploadAtCreation(new SandboxUpload(dir, "classpath")))
                    .isFalse();
            assertThat(provider.create(0).id()).isEqualTo("sb");
        }
    }

    private TemplateCommands commands(String create) {
        return new TemplateCommands(
                create,
                "sh -c {command}",
                "true",
                Optional.empty(),
                Optional.empty(),
                dir,
                Duration.ofSeconds(30),
                1.0,
                "/app",
                "/tmp/offload-r1");
    }
}
