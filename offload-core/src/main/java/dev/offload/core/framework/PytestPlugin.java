package dev.offload.core.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled pytest plugin {@code offload_pytest.py} (SPEC §7.2), read once from the classpath. */
final class PytestPlugin {
    static final String MODULE = "offload_pytest";
    static final String FILE_NAME = MODULE + ".py";
    private static final String RESOURCE = "/dev/offload/scripts/" + FILE_NAME;
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
        try (InputStream in = PytestPlugin.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "bundled resource " + RESOURCE + " is missing from the offload-core jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + RESOURCE, e);
        }
    }
}
