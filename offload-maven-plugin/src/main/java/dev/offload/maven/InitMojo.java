package dev.offload.maven;

import dev.offload.core.config.InitTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a starter Offload configuration file at {@code offload.config} that validates as written, like {@code
 * offload init}. Never overwrites an existing file. Runs without a project too ({@code ./offload.toml}).
 *
 * @since 0.1.0
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public class InitMojo extends AbstractOffloadMojo {

    /**
     * Sandbox provider of the generated file: {@code local}, {@code default}, {@code modal}, {@code docker} or
     * {@code ssh}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.provider", defaultValue = "local")
    private String provider;

    /**
     * Test framework of the generated file: {@code junit}, {@code pytest}, {@code nextest}, {@code vitest} or
     * {@code default}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.framework", defaultValue = "junit")
    private String framework;

    @Override
    void executeGoal() throws MojoExecutionException {
        requireOneOf("offload.provider", provider, InitTemplate.PROVIDERS);
        requireOneOf("offload.framework", framework, InitTemplate.FRAMEWORKS);
        Path path = configPath();
        try {
            // CREATE_NEW: never overwrite, even if the file appears between a check and the write.
            Files.writeString(
                    path,
                    InitTemplate.render(provider, framework),
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new MojoExecutionException(MojoErrors.withHint(
                    path + " already exists; remove it or edit it",
                    "Set the offload.config property to write the new file elsewhere."));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + path + ": " + MojoErrors.oneLine(e), e);
        }
        getLog().info("Created " + path);
        getLog().info("Check it with 'mvn offload:validate', then run your tests with 'mvn offload:run'.");
    }

    private static void requireOneOf(String property, String value, Collection<String> allowed)
            throws MojoExecutionException {
        if (!allowed.contains(value)) {
            throw new MojoExecutionException(
                    "Invalid %s '%s': expected one of %s".formatted(property, value, String.join(", ", allowed)));
        }
    }
}
