package dev.offload.core.config;

import java.nio.file.Path;

/**
 * Reads {@code offload.toml} into a validated {@link Config} (SPEC §4.2): read and parse, expand variables, bind with
 * defaults, report unknown keys, resolve {@code @script} references, validate. Each step is its own class; this one
 * only runs them in order.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    /**
     * Loads {@code file}; messages name it as given ({@code offload.toml}, {@code conf/offload.toml}).
     *
     * @throws ConfigException with a one-line message naming the file and, where possible, line, column and key
     */
    public static Config load(Path file, LoadOptions options) throws ConfigException {
        ConfigFile source = ConfigFile.of(file);
        Node tree = new VariableExpander(source, options.environment()).expand(TomlReader.read(source));
        Config bound = new SchemaBinder(source, options).bind(tree);
        new UnknownKeys(source, options).check(tree, bound);
        Config config = new ScriptReferences(source, tree, bound.report().outputDir()).resolve(bound);
        new ConfigValidator(source, options, tree, Path.of(System.getProperty("user.home"))).validate(config);
        return config;
    }
}
