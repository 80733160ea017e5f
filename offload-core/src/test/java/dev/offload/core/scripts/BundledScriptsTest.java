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
        assertThat(Files.readString(script)).startsWith("#!/bin/sh\n");
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
        assertThat(Files.readAllBytes(script))
                .isEqualTo(BundledScripts.content("ssh_sandbox.sh").orElseThrow());
    }

    @Test
    void modalHelperWithoutTheModalSdkSaysHowToGetItAndExits2() throws Exception {
        Path script = BundledScripts.extract("modal_sandbox.py", outputDir).orElseThrow();

        ProcessBuilder builder = new ProcessBuilder("python3", script.toString(), "prepare");
        builder.environment().remove("PYTHONPATH"); // no stand-in SDK here
        Process p = builder.start();
        String stderr = new String(p.getErrorStream().readAllBytes());

        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(stderr)
                .isEqualTo("modal_sandbox: the Modal SDK is not installed: run this script with 'uv run', or"
                        + " 'pip install modal'\n");
    }

    @Test
    void unknownNameIsNotExtracted() {
        assertThat(BundledScripts.extract("kube.sh", outputDir)).isEmpty();
        assertThat(BundledScripts.NAMES).contains("offload_pytest.py");
    }
}
