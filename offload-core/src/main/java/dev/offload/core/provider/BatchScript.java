package dev.offload.core.provider;

/**
 * Wraps a framework's batch script in the shell script every provider runs (SPEC §8.1): it creates the result
 * directory, touches {@code batch-<N>.start}, runs the framework script in a new process group whose id it writes to
 * {@code batch-<N>.pgid}, and exits with the framework script's status.
 */
public final class BatchScript {
    private BatchScript() {}

    /**
     * The inner command: records its own pid, which is the new group's id, then becomes the framework script. The
     * values arrive as positional parameters so they never pass through shell parsing a second time.
     */
    private static final String GROUP_LEADER = Shell.quote("echo \"$$\" > \"$1\"; exec sh -c \"$2\"");

    /** Name of the marker file touched before the framework command starts (the artifact {@code -newer} marker). */
    public static String startMarker(String resultDir, int batchNumber) {
        return resultDir + "/batch-" + batchNumber + ".start";
    }

    /** Name of the file holding the framework command's process group id. */
    public static String pgidFile(String resultDir, int batchNumber) {
        return resultDir + "/batch-" + batchNumber + ".pgid";
    }

    /**
     * Returns POSIX sh text running {@code frameworkScript} as batch {@code batchNumber}.
     *
     * <p>{@code setsid} runs in the foreground: a freshly started child is never a process group leader, so it does not
     * fork and its status is the batch's. It must not be a background job: a shell without job control starts those
     * with SIGINT ignored, and then runners could not be interrupted into writing their reports when the batch times
     * out (SPEC §10.6). Without {@code setsid}, {@code set -m} gives background jobs their own group (with default
     * signals); where even that fails the command runs in the shell's group and no pgid file is written (the provider
     * then stops the tree it can see).
     */
    public static String wrap(String frameworkScript, String resultDir, int batchNumber) {
        String pgid = Shell.quote(pgidFile(resultDir, batchNumber));
        // The framework script is quoted once into a variable: each of the three branches below uses it, and the whole
        // text reaches the shell as one argument, which Linux caps at 128 KiB (ids files make scripts large, §9.2).
        String leader = "sh -c " + GROUP_LEADER + " offload-batch " + pgid + " \"$offload_script\"";
        return "mkdir -p " + Shell.quote(resultDir) + " || exit\n"
                + ": > " + Shell.quote(startMarker(resultDir, batchNumber)) + " || exit\n"
                + "offload_script=" + Shell.quote(frameworkScript) + "\n"
                + "if command -v setsid >/dev/null 2>&1; then\n"
                + "  setsid " + leader + "\n"
                + "  exit \"$?\"\n"
                + "elif (set -m) >/dev/null 2>&1; then\n"
                + "  set -m\n"
                + "  " + leader + " &\n"
                + "  set +m\n"
                + "else\n"
                + "  sh -c \"$offload_script\" &\n"
                + "fi\n"
                + "wait \"$!\"\n";
    }
}
