package dev.offload.core.schedule;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One CI shard {@code index/count} (SPEC §14), 1 ≤ index ≤ count.
 *
 * @param index which partition to keep, counted from 1
 * @param count how many partitions there are
 */
public record Shard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException(
                    "shard " + index + "/" + count + " is out of range: expected i/n with 1 <= i <= n");
        }
    }

    /**
     * Parses {@code "i/n"}, for example {@code "2/4"}.
     *
     * @throws IllegalArgumentException with a one-line message naming the value, when it is not of that form or out of
     *     range
     */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "shard \"" + text + "\" is not of the form i/n: expected e.g. 2/4 with 1 <= i <= n");
        }
        int index = Integer.parseInt(m.group(1));
        int count = Integer.parseInt(m.group(2));
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException(
                    "shard \"" + text + "\" is out of range: expected i/n with 1 <= i <= n, e.g. 2/4");
        }
        return new Shard(index, count);
    }

    /** {@code i/n}, the form {@link #parse} reads and the summary's {@code shard} field shows. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
