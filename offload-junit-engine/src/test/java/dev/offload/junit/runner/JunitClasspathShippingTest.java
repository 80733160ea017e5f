package dev.offload.junit.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.config.FrameworkConfig;
import dev.offload.core.framework.BatchRequest;
import dev.offload.core.framework.JunitFramework;
import dev.offload.core.provider.SandboxUpload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which class path a junit batch names (SPEC §7.3): local, staged for a sandbox, or {@code sandbox_classpath}. */
class JunitClasspathShippingTest {
    private static final Pattern CP = Pattern.compile(" -cp (\\S+) ");

    @TempDir
    Path dir;

    @Test
    void batchesOnAnotherFilesystemNameOnlyTheStagedFilesInTheSandbox() throws Exception {
        JunitFramework framework = framework(false, Optional.empty());

        Optional<SandboxUpload> upload = framework.stageSandboxFiles(dir.resolve("out/.offload"));
        String cp = classpath(framework, "/tmp/offload-r1");

        assertThat(upload).isPresent();
        assertThat(upload.get().localDir()).isEqualTo(dir.resolve("out/.offload/classpath"));
        assertThat(upload.get().remoteDir("/tmp/offload-r1")).isEqualTo("/tmp/offload-r1/classpath");
        List<String> staged = Files.readAllLines(dir.resolve("out/.offload/classpath.index")).stream()
                .map(line -> "/tmp/offload-r1/classpath/" + line.split("\t")[0])
                .toList();
        assertThat(cp.split(":")).containsExactlyElementsOf(staged);
        assertThat(cp).doesNotContain(dir.toString());
        assertThat(staged).anyMatch(p -> p.endsWith("-lib_with_space.jar"));
    }

    @Test
    void theLocalProviderUsesTheLocalClassPathAndStagesNothing() throws Exception {
        JunitFramework framework = framework(true, Optional.empty());

        assertThat(framework.stageSandboxFiles(dir.resolve("out/.offload"))).isEmpty();

        String script = framework
                .batchCommand(new BatchRequest(0, List.of("[engine:junit-jupiter]/[class:A]"), "r1", "/tmp/run", false))
                .script();
        assertThat(script).contains(" -cp '" + dir.resolve("lib with space.jar") + ":" + dir.resolve("classes") + ":");
        assertThat(dir.resolve("out/.offload/classpath")).doesNotExist();
    }

    @Test
    void sandboxClasspathIsUsedVerbatimAndTurnsShippingOff() throws Exception {
        JunitFramework framework = framework(false, Optional.of("/opt/app/lib/*:/opt/app/test-classes"));

        assertThat(framework.stageSandboxFiles(dir.resolve("out/.offload"))).isEmpty();

        assertThat(classpath(framework, "/tmp/run")).isEqualTo("'/opt/app/lib/*:/opt/app/test-classes'");
        assertThat(dir.resolve("out/.offload/classpath")).doesNotExist();
    }

    private JunitFramework framework(boolean sharesFilesystem, Optional<String> sandboxClasspath) throws Exception {
        Files.write(
                dir.resolve("lib with space.jar"),
                new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        Files.createDirectories(dir.resolve("classes/com/acme"));
        Files.writeString(dir.resolve("classes/com/acme/data.txt"), "x");
        var config = new FrameworkConfig.Junit(
                Optional.of(List.of("lib with space.jar", "classes", "missing-dir")),
                Optional.of(List.of("classes")),
                "java",
                "",
                sandboxClasspath,
                FrameworkConfig.Junit.Granularity.CLASS);
        var framework = new JunitFramework(config, dir, sharesFilesystem);
        framework.prepareWithoutDiscovery(); // resolves the class path, as discovery does
        return framework;
    }

    private static String classpath(JunitFramework framework, String sandboxTemp) {
        String script = framework
                .batchCommand(
                        new BatchRequest(0, List.of("[engine:junit-jupiter]/[class:A]"), "r1", sandboxTemp, false))
                .script();
        Matcher m = CP.matcher(script);
        assertThat(m.find()).as(script).isTrue();
        return m.group(1);
    }
}
