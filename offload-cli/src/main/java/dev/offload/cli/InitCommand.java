package dev.offload.cli;

import dev.offload.core.config.InitTemplate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code offload init [-p PROVIDER] [-f FRAMEWORK]}: write a starter configuration that validates (SPEC §5.4). */
@Command(name = "init", description = "Write a starter configuration file (at the -c path) that validates as written.")
final class InitCommand extends Subcommand implements Callable<Integer> {
    @Option(
            names = {"-p", "--provider"},
            paramLabel = "PROVIDER",
            defaultValue = "local",
            completionCandidates = Providers.class,
            description = "Sandbox provider: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private String provider;

    @Option(
            names = {"-f", "--framework"},
            paramLabel = "FRAMEWORK",
            defaultValue = "pytest",
            completionCandidates = Frameworks.class,
            description = "Test framework: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private String framework;

    @Override
    public Integer call() throws UserException, IOException {
        requireOneOf("--provider", provider, InitTemplate.PROVIDERS);
        requireOneOf("--framework", framework, InitTemplate.FRAMEWORKS);
        Path path = global().config();
        write(path, InitTemplate.render(provider, framework));
        PrintWriter out = out();
        out.println("Created " + path);
        out.println("Check it with 'offload validate', then run your tests with 'offload run'.");
        return ExitCode.OK;
    }

    private void requireOneOf(String option, String value, Collection<String> allowed) {
        if (!allowed.contains(value)) {
            throw usageError("Invalid value for option '%s': '%s' (expected one of %s)"
                    .formatted(option, value, String.join(", ", allowed)));
        }
    }

    private static void write(Path path, String content) throws UserException, IOException {
        try {
            // CREATE_NEW: never overwrite, even if the file appears between a check and the write.
            Files.writeString(path, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new UserException(path + " already exists; remove it or edit it");
        } catch (IOException e) {
            throw new IOException("cannot write " + path, e);
        }
    }

    /** Completion and help candidates for {@code --provider}. */
    static final class Providers implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return InitTemplate.PROVIDERS.iterator();
        }
    }

    /** Completion and help candidates for {@code --framework}. */
    static final class Frameworks implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return InitTemplate.FRAMEWORKS.iterator();
        }
    }
}
