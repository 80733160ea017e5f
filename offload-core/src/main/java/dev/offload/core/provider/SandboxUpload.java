package dev.offload.core.provider;

import java.nio.file.Path;

/**
 * A local directory copied into every sandbox when it is created (SPEC §7.3: the staged junit class path), to
 * {@code <sandbox run temp dir>/<name>}.
 *
 * @param localDir the directory on this machine; its files are copied, not the directory itself
 * @param name a plain directory name below the sandbox's {@link Sandbox#runTempDir()}
 */
public record SandboxUpload(Path localDir, String name) {
    public SandboxUpload {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("not a plain directory name: " + name);
        }
    }

    /** Where the files land inside a sandbox whose run temp directory is {@code runTempDir}. */
    public String remoteDir(String runTempDir) {
        return runTempDir + "/" + name;
    }
}
