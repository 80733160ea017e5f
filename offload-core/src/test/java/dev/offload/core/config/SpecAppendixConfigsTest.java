package dev.offload.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The four configurations of SPEC §20 load unchanged, without warnings, even in strict mode. */
class SpecAppendixConfigsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"a-local-cargo", "b-pytest-default-modal", "c-cargo-modal", "d-monorepo"})
    void appendixConfigurationLoadsUnchangedInStrictMode(String name) throws Exception {
        ConfigFixture fixture = new ConfigFixture(dir);
        fixture.strict = true;

        Config config = fixture.load(resource(name));

        assertThat(fixture.warnings).isEmpty();
        assertThat(config.report().outputDir()).isEqualTo(dir.resolve("test-results"));
        assertThat(config.groups()).isNotEmpty();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = SpecAppendixConfigsTest.class.getResourceAsStream("spec20/" + name + ".toml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
