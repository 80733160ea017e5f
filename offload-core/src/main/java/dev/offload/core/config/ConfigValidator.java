package dev.offload.core.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * SPEC §4.12: the cross-key and range rules, checked in the SPEC's order so that the first failure is the one
 * reported. Positions come from the expanded tree the config was bound from.
 */
final class ConfigValidator {
    private final ConfigFile file;
    private final LoadOptions options;
    private final Node tree;
    private final Path home;

    ConfigValidator(ConfigFile file, LoadOptions options, Node tree, Path home) {
        this.file = file;
        this.options = options;
        this.tree = tree;
        this.home = home;
    }

    void validate(Config config) throws ConfigException {
        if (config.groups().isEmpty()) {
            throw file.error(node("groups"), "at least one [groups.NAME] table is required");
        }
        if (config.offload().sandboxRepoRoot().isEmpty()) {
            throw file.error("provider type '" + config.provider().type()
                    + "' needs offload.sandbox_repo_root or offload.sandbox_project_root (where the project"
                    + " lives inside the sandbox, e.g. \"/app\")");
        }
        new RangeRules(file, tree).check(config);
        new StructureRules(file, tree).check(config);
        checkJunit(config);
        warnAboutAbsoluteGlobs();
        checkOutputDir(config);
        checkFilters(config);
    }

    private void checkJunit(Config config) throws ConfigException {
        if (!(config.framework() instanceof FrameworkConfig.Junit junit)) {
            return;
        }
        if (!options.junitPathsFromBuild()) {
            if (tree.find("framework", "classpath").isEmpty()
                    && tree.find("framework", "classpath_command").isEmpty()) {
                throw file.error("missing required key 'framework.classpath' (the junit framework needs classpath or"
                        + " classpath_command, and test_dirs, outside Maven)");
            }
            if (tree.find("framework", "test_dirs").isEmpty()) {
                throw file.error("missing required key 'framework.test_dirs'"
                        + " (the junit framework needs classpath and test_dirs outside Maven)");
            }
        }
        if (config.provider() instanceof ProviderConfig.Default
                && junit.sandboxClasspath().isEmpty()) {
            throw file.error("missing required key 'framework.sandbox_classpath'"
                    + " (the junit framework needs it with provider type 'default')");
        }
    }

    private void warnAboutAbsoluteGlobs() {
        for (Node glob :
                tree.find("report", "download_globs").map(Node::elements).orElse(java.util.List.of())) {
            if (glob.value() instanceof String s && s.startsWith("/")) {
                options.warnings()
                        .accept(file.at(glob) + "warning: " + glob.key() + ": '" + s
                                + "' never matches: download globs are relative to the sandbox project root");
            }
        }
    }

    private void checkOutputDir(Config config) throws ConfigException {
        Path projectRoot = options.projectRoot().orElse(file.dir());
        Path outputDir = config.report().outputDir();
        Optional<String> notADirectory = OutputDirRules.notADirectory(outputDir);
        if (notADirectory.isPresent()) {
            throw outputDirError(notADirectory.get());
        }
        Optional<String> refusal = new OutputDirRules(home).refusal(outputDir, projectRoot, file.path());
        if (refusal.isPresent()) {
            throw outputDirError("refusing output directory '" + outputDir + "' (" + refusal.get()
                    + "); Offload deletes its own files there, so choose a dedicated directory such as"
                    + " \"test-results\"");
        }
    }

    private ConfigException outputDirError(String message) {
        Optional<Node> node = tree.find("report", "output_dir");
        return node.isPresent() ? file.error(node.get(), message) : file.error("report.output_dir: " + message);
    }

    private void checkFilters(Config config) throws ConfigException {
        for (Node group : tree.find("groups").map(Node::children).orElseThrow().values()) {
            Optional<Node> filters = group.find("filters");
            if (filters.isPresent()) {
                String text = (String) filters.get().value();
                Optional<String> unclosed = ShellWords.unclosedQuote(text);
                if (unclosed.isPresent()) {
                    throw file.error(filters.get(), "unclosed " + unclosed.get() + " in '" + text + "'");
                }
                if (config.framework() instanceof FrameworkConfig.Junit) {
                    try {
                        JunitFilters.parse(text);
                    } catch (IllegalArgumentException e) {
                        throw file.error(filters.get(), e.getMessage());
                    }
                }
            }
        }
    }

    private Node node(String... path) {
        return tree.find(path).orElse(tree);
    }
}
