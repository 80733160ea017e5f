package dev.offload.maven;

import dev.offload.core.history.HistoryMergeDriver;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The git merge driver for the history file, like {@code offload history merge}: merges {@code offload.base} (%O),
 * {@code offload.ours} (%A) and {@code offload.theirs} (%B) into {@code offload.ours}. No test is ever dropped; only
 * an unreadable ours or theirs fails. {@code offload:setup-merge-driver} registers it with git.
 *
 * @since 0.1.0
 */
@Mojo(name = "history-merge", requiresProject = false, threadSafe = true)
public class HistoryMergeMojo extends AbstractOffloadMojo {

    /**
     * The common ancestor's version (git's %O); a missing file counts as empty.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.base", required = true)
    private File base;

    /**
     * Our version (git's %A); receives the merged file.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.ours", required = true)
    private File ours;

    /**
     * Their version (git's %B).
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.theirs", required = true)
    private File theirs;

    /**
     * Samples kept per outcome per test.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.reservoirSize", defaultValue = "20")
    private int reservoirSize;

    @Override
    void executeGoal() throws MojoExecutionException {
        if (reservoirSize < 1) {
            throw new MojoExecutionException(MojoErrors.withHint(
                    "offload.reservoirSize must be at least 1, got " + reservoirSize + ".",
                    "Leave it unset for the default of " + HistoryMergeDriver.DEFAULT_RESERVOIR_SIZE + "."));
        }
        try {
            HistoryMergeDriver.merge(
                    base.toPath(), ours.toPath(), theirs.toPath(), reservoirSize, line -> getLog().warn(line));
        } catch (IOException e) {
            throw new MojoExecutionException("History merge failed: " + MojoErrors.oneLine(e), e);
        }
    }
}
