package dev.offload.core.config;

import dev.offload.core.provider.Shell;
import dev.offload.core.scripts.BundledScripts;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Step 6 of SPEC §4.2: replaces each {@code @name.ext} word of the {@code default} provider's five command templates
 * with the quoted path the script is extracted to (§4.4). Only the templates are scanned, never placeholder values.
 */
final class ScriptReferences {
    private static final Pattern REFERENCE = Pattern.compile("(?<=^|\\s)@([A-Za-z0-9_-]+\\.[A-Za-z0-9_]+)(?=\\s|$)");

    private final ConfigFile file;
    private final Node tree;
    private final Path outputDir;

    ScriptReferences(ConfigFile file, Node tree, Path outputDir) {
        this.file = file;
        this.tree = tree;
        this.outputDir = outputDir;
    }

    Config resolve(Config config) throws ConfigException {
        if (!(config.provider() instanceof ProviderConfig.Default p)) {
            return config;
        }
        ProviderConfig.Default resolved = new ProviderConfig.Default(
                resolve("prepare_command", p.prepareCommand()),
                resolve("create_command", p.createCommand()),
                resolve("exec_command", p.execCommand()),
                resolve("destroy_command", p.destroyCommand()),
                resolve("download_command", p.downloadCommand()),
                p.workingDir(),
                p.timeoutSecs(),
                p.copyDirs(),
                p.env(),
                p.cpuCores());
        return new Config(
                config.file(),
                config.configDir(),
                config.offload(),
                resolved,
                config.framework(),
                config.groups(),
                config.report(),
                config.history(),
                config.checkpoint());
    }

    private Optional<String> resolve(String key, Optional<String> template) throws ConfigException {
        return template.isPresent() ? Optional.of(resolve(key, template.get())) : Optional.empty();
    }

    private String resolve(String key, String template) throws ConfigException {
        Matcher m = REFERENCE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!BundledScripts.isKnown(name)) {
                throw file.error(
                        tree.find("provider", key).orElseThrow(),
                        "unknown bundled script '@" + name + "' (available: " + String.join(", ", BundledScripts.NAMES)
                                + ")");
            }
            String path = BundledScripts.extractedPath(name, outputDir).toString();
            m.appendReplacement(out, Matcher.quoteReplacement(Shell.quote(path)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
