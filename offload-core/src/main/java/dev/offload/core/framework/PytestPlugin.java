package dev.offload.core.framework;

import dev.offload.core.scripts.BundledScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled pytest plugin {@code offload_pytest.py} (SPEC §7.2), read once from the classpath. */
final class PytestPlugin {
    static final String MODULE = "offload_pytest";
    static final String FILE_NAME = MODULE + ".py";
    private static final String SOURCE = load();

    private PytestPlugin() {}

    static String source() {
        return SOURCE;
    }

    /** Writes the plugin into {@code dir} (created if needed), so that {@code dir} can go on {@code PYTHONPATH}. */
    static void extractTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(FILE_NAME), SOURCE, StandardCharsets.UTF_8);
    }

    private static String load() {
        byte[] content = BundledScripts.content(FILE_NAME)
                .orElseThrow(() -> new IllegalStateException(
                        "bundled script " + FILE_NAME + " is missing from the offload-core jar"));
        return new String(content, StandardCharsets.UTF_8);
    }
}
