package dev.offload.core.schedule;

import java.util.Comparator;

/**
 * Orders strings by their UTF-8 bytes, the tie-break SPEC §9.2 and §14 use so that every machine sorts ids alike.
 *
 * <p>UTF-8 byte order equals code point order, so no bytes are allocated. {@link String#compareTo} is not the same:
 * it compares UTF-16 units, which puts supplementary characters (surrogates) before U+E000..U+FFFF.
 */
public final class Utf8Order {
    /** Compares by UTF-8 bytes (equivalently, by code points). */
    public static final Comparator<String> COMPARATOR = Utf8Order::compare;

    private Utf8Order() {}

    /** Negative, zero or positive as {@code a} sorts before, equal to or after {@code b} in UTF-8 byte order. */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
