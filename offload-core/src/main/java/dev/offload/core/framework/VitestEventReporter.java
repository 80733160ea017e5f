package dev.offload.core.framework;

import dev.offload.core.scripts.BundledScripts;
import java.nio.charset.StandardCharsets;

/** The bundled vitest reporter {@code offload_vitest_reporter.mjs} (SPEC §7.1 events), read once from the classpath. */
final class VitestEventReporter {
    static final String FILE_NAME = "offload_vitest_reporter.mjs";
    private static final String SOURCE = new String(
            BundledScripts.content(FILE_NAME)
                    .orElseThrow(() -> new IllegalStateException(
                            "bundled script " + FILE_NAME + " is missing from the offload-core jar")),
            StandardCharsets.UTF_8);

    private VitestEventReporter() {}

    static String source() {
        return SOURCE;
    }
}
