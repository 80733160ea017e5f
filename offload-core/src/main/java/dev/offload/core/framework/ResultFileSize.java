package dev.offload.core.framework;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The bound on a result file read into memory (SPEC §17): a runner that writes hundreds of megabytes of captured output
 * into its report must cost one batch an infrastructure error, never the run its heap.
 */
public final class ResultFileSize {
    /** Larger result files are refused unread. */
    public static final long LIMIT_BYTES = 64L * 1024 * 1024;

    private ResultFileSize() {}

    /**
     * @throws ResultFileException when {@code file} is missing, unreadable or larger than {@link #LIMIT_BYTES}
     */
    public static void check(Path file) throws ResultFileException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ResultFileException("result file missing: " + file);
        } catch (IOException e) {
            throw new ResultFileException("cannot read result file " + file + ": " + e.getMessage(), e);
        }
        if (size > LIMIT_BYTES) {
            throw new ResultFileException("result file " + file + " is " + (size >> 20) + " MiB, over the "
                    + (LIMIT_BYTES >> 20) + " MiB limit (reduce the output the runner captures into it)");
        }
    }
}
