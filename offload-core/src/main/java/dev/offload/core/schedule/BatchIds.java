package dev.offload.core.schedule;

import java.util.HashSet;
import java.util.List;

/**
 * The shape rule every batch obeys (SPEC §9.2, §17.5): no id twice, and the ids joined by single spaces are at most
 * {@value #MAX_JOINED_CHARS} characters unless the batch holds a single id. The cap keeps batch command lines within
 * what shells and {@code execve} accept. Characters are Unicode code points.
 */
public final class BatchIds {
    /** Longest allowed {@link #idsLength} of a batch with two or more ids passed on the command line. */
    public static final int MAX_JOINED_CHARS = 30_000;

    /**
     * Longest allowed {@link #idsLength} of a batch whose runner reads its ids from a file (SPEC §9.2: pytest ≥ 8.2,
     * the junit runner). The batch script writes that file from a here-document, and the script itself reaches the
     * sandbox's shell as one {@code sh -c} argument, which Linux caps at 128 KiB ({@code MAX_ARG_STRLEN}): this leaves
     * room for the rest of the script, shell quoting and a few multi-byte characters.
     */
    public static final int MAX_FILE_CHARS = 100_000;

    private BatchIds() {}

    /** Length in characters of {@code ids} joined by single spaces (0 for no ids). */
    public static long idsLength(List<String> ids) {
        long total = ids.isEmpty() ? 0 : ids.size() - 1;
        for (String id : ids) {
            total += length(id);
        }
        return total;
    }

    /** Length of one id in characters (code points). */
    public static int length(String id) {
        return id.codePointCount(0, id.length());
    }

    /** Whether {@code ids} may form one batch: not empty, no duplicate, within the length cap or a single id. */
    public static boolean isValidBatch(List<String> ids) {
        return isValidBatch(ids, MAX_JOINED_CHARS);
    }

    /** {@link #isValidBatch(List)} with another cap, e.g. {@link #MAX_FILE_CHARS}. */
    public static boolean isValidBatch(List<String> ids, int maxJoinedChars) {
        if (ids.isEmpty() || new HashSet<>(ids).size() != ids.size()) {
            return false;
        }
        return ids.size() == 1 || idsLength(ids) <= maxJoinedChars;
    }
}
