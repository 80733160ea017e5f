package dev.offload.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code .dockerignore} evaluated as Docker does: anchored patterns, {@code **}, {@code !} exceptions, last wins. */
class DockerIgnoreTest {
    private final DockerIgnore ignore = DockerIgnore.parse(List.of(
            "# comment", "*.log", "/build", "**/node_modules", "secrets/*", "!secrets/public.txt", "docs/**/*.tmp"));

    @Test
    void patternsAreAnchoredAtTheContextRoot() {
        assertThat(ignore.excludes("app.log")).isTrue();
        assertThat(ignore.excludes("sub/app.log")).as("* does not cross /").isFalse();
        assertThat(ignore.excludes("build/out.jar"))
                .as("a matched directory excludes its content")
                .isTrue();
        assertThat(ignore.excludes("src/build/x")).isFalse();
    }

    @Test
    void doubleStarSpansDirectories() {
        assertThat(ignore.excludes("node_modules/a.js")).isTrue();
        assertThat(ignore.excludes("web/app/node_modules/a.js")).isTrue();
        assertThat(ignore.excludes("docs/a/b/c.tmp")).isTrue();
        assertThat(ignore.excludes("docs/c.tmp")).isTrue();
    }

    @Test
    void laterExceptionReincludes() {
        assertThat(ignore.excludes("secrets/key.pem")).isTrue();
        assertThat(ignore.excludes("secrets/public.txt")).isFalse();
        assertThat(ignore.excludes("src/Main.java")).isFalse();
    }
}
