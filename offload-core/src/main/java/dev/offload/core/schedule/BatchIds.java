package dev.offload.core.schedule;

import java.util.HashSet;
import java.util.List;

/**
 * The shape rule every batch obeys (SPEC §9.2, §17.5): no id twice, and the ids joined by single spaces are at most
 * {@value #MAX_JOINED_CHARS} characters unless the batch holds a single id. The cap keeps batch command lines within
 * what shells and {@code execve} accept. Characters are Unicode code points.
 */
public final class BatchIds {
    /** Longest allowed {@link #idsLength} of a batch with two or more ids. */
    public static final int MAX_JOINED_CHARS = 30_000;

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
        if (ids.isEmpty() || new HashSet<>(ids).size() != ids.size()) {
            return false;
        }
        return ids.size() == 1 || idsLength(ids) <= MAX_JOINED_CHARS;
    }
}
