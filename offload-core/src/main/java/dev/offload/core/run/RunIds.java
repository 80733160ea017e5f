package dev.offload.core.run;

import java.security.SecureRandom;

/** Run ids: 4 random characters from {@code 0-9A-Za-z} (SPEC §2). */
final class RunIds {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {}

    static String next() {
        StringBuilder id = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
