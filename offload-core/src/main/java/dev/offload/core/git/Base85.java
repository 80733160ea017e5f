package dev.offload.core.git;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Git's base85 line encoding of binary patches: a length character, then 5 characters per 4 bytes. */
final class Base85 {
    private static final String ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~";
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = i;
        }
    }

    private Base85() {}

    /** Decodes one line of a binary hunk into {@code out}. */
    static void decodeLine(String line, ByteArrayOutputStream out) throws PatchException {
        if (line.isEmpty()) {
            throw new PatchException("empty line in binary patch");
        }
        char first = line.charAt(0);
        int length;
        if (first >= 'A' && first <= 'Z') {
            length = first - 'A' + 1;
        } else if (first >= 'a' && first <= 'z') {
            length = first - 'a' + 27;
        } else {
            throw new PatchException("bad length character '" + first + "' in binary patch");
        }
        String body = line.substring(1);
        if (body.length() % 5 != 0 || body.length() / 5 * 4 < length) {
            throw new PatchException("corrupt binary patch line");
        }
        int written = 0;
        for (int i = 0; i < body.length(); i += 5) {
            long value = 0;
            for (int j = 0; j < 5; j++) {
                char c = body.charAt(i + j);
                int digit = c < 128 ? VALUES[c] : -1;
                if (digit < 0) {
                    throw new PatchException("bad character '" + c + "' in binary patch");
                }
                value = value * 85 + digit;
            }
            for (int shift = 24; shift >= 0 && written < length; shift -= 8, written++) {
                out.write((int) (value >>> shift) & 0xff);
            }
        }
    }
}
