package dev.offload.core.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §4.4: extraction into {output_dir}/.offload/scripts/, mode 0755, rewritten only when different. */
class BundledScriptsTest {
    @TempDir
    Path outputDir;

    @Test
    void extractsScriptExecutableIntoOffloadScriptsDirectory() throws Exception {
        Path script = BundledScripts.extract("docker_sandbox.sh", outputDir).orElseThrow();

        assertThat(script).isEqualTo(outputDir.resolve(".offload/scripts/docker_sandbox.sh"));
        assertThat(Files.readString(script)).contains("not part of this release yet");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script)))
                .isEqualTo("rwxr-xr-x");
    }

    @Test
    void unchangedScriptIsNotRewrittenButChangedOneIs() throws Exception {
        Path script = BundledScripts.extract("ssh_sandbox.sh", outputDir).orElseThrow();
        Files.setLastModifiedTime(script, java.nio.file.attribute.FileTime.fromMillis(0));

        BundledScripts.extract("ssh_sandbox.sh", outputDir);
        assertThat(Files.getLastModifiedTime(script).toMillis()).isZero();

        Files.writeString(script, "tampered");
        BundledScripts.extract("ssh_sandbox.sh", outputDir);
        assertThat(Files.readString(script)).contains("ssh_sandbox.sh: this bundled script");
    }

    @Test
    void placeholderScriptFailsHonestlyWithExitCode2() throws Exception {
        Path script = BundledScripts.extract("modal_sandbox.py", outputDir).orElseThrow();

        Process p = new ProcessBuilder(script.toString(), "prepare").start();
        String stderr = new String(p.getErrorStream().readAllBytes());

        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(stderr).isEqualTo("modal_sandbox.py: this bundled script is not part of this release yet\n");
    }

    @Test
    void unknownNameIsNotExtracted() {
        assertThat(BundledScripts.extract("kube.sh", outputDir)).isEmpty();
        assertThat(BundledScripts.NAMES).contains("offload_pytest.py");
    }
}
