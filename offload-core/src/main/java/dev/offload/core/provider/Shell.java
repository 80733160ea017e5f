package dev.offload.core.provider;

import java.util.Collection;
import java.util.stream.Collectors;

/** The one quoting function for values placed into shell text (SPEC §8.2, §17.4). */
public final class Shell {
    private Shell() {}

    /**
     * Quotes {@code s} for POSIX sh: bare when non-empty and made only of {@code A-Za-z0-9_./:,+@%-}, otherwise in single
     * quotes with each {@code '} written as {@code '\''}.
     */
    public static String quote(String s) {
        if (!s.isEmpty() && s.chars().allMatch(Shell::isSafe)) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Quotes each value and joins them with single spaces. */
    public static String join(Collection<String> values) {
        return values.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "_./:,+@%-".indexOf(c) >= 0;
    }
}
