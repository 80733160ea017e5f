package dev.offload.core.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code setup-merge-driver} (SPEC §12.8): marks the history file with {@code merge=offload-history} in the
 * repository's {@code .gitattributes} and registers the driver in the repository's git config. Works from any
 * subdirectory or worktree (the root comes from {@code git rev-parse --show-toplevel}); running it twice changes
 * nothing.
 */
public final class MergeDriverSetup {
    public static final String DRIVER_NAME = "offload-history";
    public static final String DESCRIPTION = "Offload test history merger";
    /** The CLI's driver command; the Maven plugin passes its own (SPEC §6.4). */
    public static final String CLI_DRIVER = "offload history merge %O %A %B";

    private static final long GIT_TIMEOUT_SECS = 30;

    private MergeDriverSetup() {}

    /** Thrown when git is missing, the directory is not in a repository, or git refuses the config change. */
    public static final class SetupException extends Exception {
        SetupException(String message) {
            super(message);
        }
    }

    /**
     * Configures the driver.
     *
     * @param directory where to look for the repository (the config directory)
     * @param historyFile the {@code [history].path}, absolute
     * @param driverCommand the command git runs, with {@code %O %A %B}
     * @return the lines to print, e.g. {@code Updated .gitattributes}, {@code Git merge driver configured}
     */
    public static List<String> configure(Path directory, Path historyFile, String driverCommand)
            throws SetupException, IOException, InterruptedException {
        Path root = repositoryRoot(directory);
        List<String> lines = new ArrayList<>();
        lines.add(ensureAttribute(root, relativePath(root, historyFile)));
        git(root, "config", "merge." + DRIVER_NAME + ".name", DESCRIPTION);
        git(root, "config", "merge." + DRIVER_NAME + ".driver", driverCommand);
        lines.add("Git merge driver configured");
        return lines;
    }

    /** The top of the work tree holding {@code directory} (a worktree's own top in a worktree). */
    public static Path repositoryRoot(Path directory) throws SetupException, IOException, InterruptedException {
        return Path.of(git(directory, "rev-parse", "--show-toplevel").strip());
    }

    /** The history path as git sees it: relative to the root, with {@code /} separators. */
    static String relativePath(Path root, Path historyFile) throws SetupException, IOException {
        Path realRoot = root.toRealPath();
        Path file = historyFile.toAbsolutePath().normalize();
        Path parent = file.getParent();
        Path real = parent != null && Files.exists(parent) ? parent.toRealPath().resolve(file.getFileName()) : file;
        if (!real.startsWith(realRoot)) {
            throw new SetupException("history file " + historyFile + " is outside the git repository " + realRoot
                    + "; set [history].path to a file inside it");
        }
        return realRoot.relativize(real).toString().replace('\\', '/');
    }

    private static String ensureAttribute(Path root, String path) throws IOException {
        String wanted = path + " merge=" + DRIVER_NAME;
        Path attributes = root.resolve(".gitattributes");
        String existing = Files.exists(attributes) ? Files.readString(attributes, StandardCharsets.UTF_8) : "";
        if (existing.lines().map(String::strip).anyMatch(wanted::equals)) {
            return ".gitattributes already configured";
        }
        String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
        Files.writeString(attributes, existing + separator + wanted + "\n", StandardCharsets.UTF_8);
        return "Updated .gitattributes";
    }

    private static String git(Path directory, String... args) throws SetupException, IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new SetupException("cannot run git: " + e.getMessage() + "; install git and try again");
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(GIT_TIMEOUT_SECS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new SetupException("git " + String.join(" ", args) + " did not finish in " + GIT_TIMEOUT_SECS + "s");
        }
        if (process.exitValue() != 0) {
            String detail = output.strip().isEmpty() ? "exit status " + process.exitValue() : output.strip();
            if (args[0].equals("rev-parse")) {
                throw new SetupException(directory + " is not inside a git repository (" + detail + ")");
            }
            throw new SetupException("git " + String.join(" ", args) + " failed: " + detail);
        }
        return output;
    }
}
