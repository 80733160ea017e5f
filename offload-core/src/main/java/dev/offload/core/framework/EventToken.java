package dev.offload.core.framework;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The per-run token of streamed test events (SPEC §7.1): runners Offload ships (the pytest plugin, the vitest reporter)
 * read it from {@value #ENV} and print {@code ##offload:<token>## {json}} lines. A random token keeps a test's own
 * output from forging events.
 */
public final class EventToken {
    /** Environment variable carrying the token into every batch. */
    public static final String ENV = "OFFLOAD_EVENT_TOKEN";

    private static final SecureRandom RANDOM = new SecureRandom();

    private EventToken() {}

    /** 16 random hex digits. */
    public static String random() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The prefix of every event line of this token, {@code ##offload:<token>## }. */
    public static String linePrefix(String token) {
        return "##offload:" + token + "## ";
    }
}
