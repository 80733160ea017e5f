package dev.offload.core.image;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An image on top of {@code baseImage} that applies {@code patch} at {@code repoRoot} and runs {@code postPatchCmd}
 * there (SPEC §13.5, §13.6). At least one of the two is present.
 */
public record IncrementalImage(String baseImage, Optional<Path> patch, Optional<String> postPatchCmd, String repoRoot) {

    /** Patch location inside the image while it is applied. */
    public static final String PATCH_PATH = "/tmp/offload.patch";

    /**
     * The shell text of the patch layer (SPEC §13.6): {@code offload apply-diff} when the image has it, else {@code
     * git apply}; then {@code post_patch_cmd} with {@code OFFLOAD_PATCH_FILE} set when a patch exists; then the patch
     * is removed.
     */
    public String script() {
        String root = dev.offload.core.provider.Shell.quote(repoRoot);
        StringBuilder script = new StringBuilder("set -e\ncd ").append(root).append('\n');
        if (patch.isPresent()) {
            script.append("if command -v offload >/dev/null 2>&1; then offload apply-diff ")
                    .append(PATCH_PATH)
                    .append(" --project-root ")
                    .append(root)
                    .append("; else git -C ")
                    .append(root)
                    .append(" apply --binary ")
                    .append(PATCH_PATH)
                    .append("; fi\n");
        }
        postPatchCmd.ifPresent(cmd -> script.append(patch.isPresent() ? "OFFLOAD_PATCH_FILE=" + PATCH_PATH + " " : "")
                .append("sh -c ")
                .append(dev.offload.core.provider.Shell.quote(cmd))
                .append('\n'));
        script.append("rm -f ").append(PATCH_PATH).append('\n');
        return script.toString();
    }
}
