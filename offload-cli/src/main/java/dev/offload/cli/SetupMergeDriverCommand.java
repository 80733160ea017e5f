package dev.offload.cli;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigException;
import dev.offload.core.config.HistoryConfig;
import dev.offload.core.history.MergeDriverSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code offload history setup-merge-driver} (SPEC §12.8): {@code .gitattributes} and git config for the history file
 * named by {@code [history].path} of the {@code -c} file (default {@code offload-history.jsonl} beside it).
 */
@Command(name = "setup-merge-driver", description = "Configure git to merge the history file with Offload.")
final class SetupMergeDriverCommand implements Callable<Integer> {
    private static final String DEFAULT_HISTORY = "offload-history.jsonl";

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private HistoryCommand history;

    @Override
    public Integer call() throws ConfigException, UserException, IOException, InterruptedException {
        GlobalOptions global = history.root.globalOptions();
        Path historyFile = historyFile(global);
        Path directory = historyFile.getParent();
        try {
            MergeDriverSetup.configure(directory, historyFile, MergeDriverSetup.CLI_DRIVER)
                    .forEach(spec.commandLine().getOut()::println);
        } catch (MergeDriverSetup.SetupException e) {
            throw new UserException(e.getMessage());
        }
        return ExitCode.OK;
    }

    /** The configured history path; without a config file, {@code offload-history.jsonl} where it would be. */
    private Path historyFile(GlobalOptions global) throws ConfigException {
        Path configFile = global.config().toAbsolutePath().normalize();
        if (!Files.exists(configFile)) {
            return configFile.resolveSibling(DEFAULT_HISTORY);
        }
        Config config = global.loadConfig(false, spec.commandLine().getErr());
        return config.history()
                .map(HistoryConfig::path)
                .orElse(config.configDir().resolve(DEFAULT_HISTORY))
                .toAbsolutePath()
                .normalize();
    }
}
