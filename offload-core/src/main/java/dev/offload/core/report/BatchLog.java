package dev.offload.core.report;

import dev.offload.core.provider.OutputListener;
import dev.offload.core.run.BatchRecord.BatchOutcome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code logs/batch-N.stdout} and {@code .stderr} of one batch (SPEC §11.3): lines are appended and flushed as they
 * arrive, so a user can follow a running batch, and the files get the batch outcome as suffix when it ends.
 * Thread-safe: stdout and stderr readers call it concurrently.
 */
public final class BatchLog implements OutputListener {

    private final Path stdoutFile;
    private final Path stderrFile;
    private final Writer stdout;
    private final Writer stderr;
    private boolean closed;
    private IOException firstFailure;

    private BatchLog(Path stdoutFile, Path stderrFile, Writer stdout, Writer stderr) {
        this.stdoutFile = stdoutFile;
        this.stderrFile = stderrFile;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Creates {@code logsDir} if needed and opens (truncating) {@code batch-<number>.stdout} and {@code .stderr}. */
    public static BatchLog open(Path logsDir, int number) throws IOException {
        Files.createDirectories(logsDir);
        Path out = logsDir.resolve("batch-" + number + ".stdout");
        Path err = logsDir.resolve("batch-" + number + ".stderr");
        BufferedWriter outWriter = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        try {
            return new BatchLog(out, err, outWriter, Files.newBufferedWriter(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            outWriter.close();
            throw e;
        }
    }

    @Override
    public void stdout(String line) {
        append(stdout, line);
    }

    @Override
    public void stderr(String line) {
        append(stderr, line);
    }

    private synchronized void append(Writer writer, String line) {
        if (closed || firstFailure != null) {
            return; // late lines after close, or a full disk: the batch result matters more than its log
        }
        try {
            writer.write(line);
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            firstFailure = e;
        }
    }

    /**
     * Closes both files and renames them to {@code batch-N.stdout.<outcome>} / {@code .stderr.<outcome>}.
     *
     * @return the renamed stdout file
     * @throws IOException if writing a line failed earlier, or closing or renaming fails
     */
    public synchronized Path close(BatchOutcome outcome) throws IOException {
        if (closed) {
            throw new IllegalStateException("batch log already closed: " + stdoutFile);
        }
        closed = true;
        try (Writer out = stdout;
                Writer err = stderr) {
            // closed by try-with-resources
        }
        Path renamedOut = rename(stdoutFile, outcome);
        rename(stderrFile, outcome);
        if (firstFailure != null) {
            throw new IOException(
                    "writing the log of " + stdoutFile + " failed: " + firstFailure.getMessage(), firstFailure);
        }
        return renamedOut;
    }

    private static Path rename(Path file, BatchOutcome outcome) throws IOException {
        Path target = file.resolveSibling(file.getFileName() + "." + outcome.suffix());
        return Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
