package dev.offload.core.config;

import dev.offload.core.config.ProviderConfig.CopyDir;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds {@code [provider]} to the record of its {@code type} with the defaults of SPEC §4.6. */
final class ProviderBinder {
    private final ConfigFile file;
    private final Map<String, String> environment;

    ProviderBinder(ConfigFile file, Map<String, String> environment) {
        this.file = file;
        this.environment = environment;
    }

    ProviderConfig bind(Fields p) throws ConfigException {
        String type = p.requiredString("type");
        return switch (type) {
            case "local" ->
                new ProviderConfig.Local(
                        localPath(p, "working_dir"), p.stringTable("env"), p.string("shell", "/bin/sh"));
            case "default" -> shellTemplates(p);
            case "modal" ->
                new ProviderConfig.Modal(
                        localPath(p, "dockerfile"),
                        p.bool("include_cwd", false),
                        copyDirs(p),
                        p.stringTable("env"),
                        p.number("cpu_cores", 0.125),
                        p.number("memory_gb"),
                        p.anyTable("experimental_options"));
            case "docker" -> docker(p);
            case "ssh" ->
                new ProviderConfig.Ssh(
                        p.strings("hosts").orElseThrow(() -> file.error("missing required key 'provider.hosts'")),
                        p.integer("slots_per_host", 1),
                        p.string("identity_file"),
                        p.strings("ssh_options", List.of()),
                        p.string("remote_dir", "/tmp/offload"),
                        copyDirs(p),
                        p.stringTable("env"),
                        p.number("cpu_cores", 1.0));
            default ->
                throw file.error(
                        p.raw("type").orElseThrow(),
                        "unknown provider type '" + type + "' (expected one of "
                                + String.join(", ", ConfigSchema.PROVIDER.keySet()) + ")");
        };
    }

    private ProviderConfig shellTemplates(Fields p) throws ConfigException {
        return new ProviderConfig.Default(
                p.string("prepare_command"),
                p.requiredString("create_command"),
                p.requiredString("exec_command"),
                p.requiredString("destroy_command"),
                p.string("download_command"),
                localPath(p, "working_dir"),
                p.integer("timeout_secs", 3600),
                copyDirs(p),
                p.stringTable("env"),
                p.number("cpu_cores", 1.0));
    }

    private ProviderConfig docker(Fields p) throws ConfigException {
        Optional<String> host = p.string("docker_host");
        return new ProviderConfig.Docker(
                p.string("image"),
                localPath(p, "dockerfile"),
                p.bool("include_cwd", false),
                copyDirs(p),
                p.number("cpu_cores", 1.0),
                p.number("memory_gb"),
                p.string("network", "none"),
                p.stringTable("env"),
                p.strings("run_args", List.of()),
                host.isPresent() ? host : Optional.ofNullable(environment.get("DOCKER_HOST")));
    }

    private Optional<String> localPath(Fields p, String key) throws ConfigException {
        return p.string(key).map(file::resolve);
    }

    /**
     * Entries without a colon are skipped here: validation step 7 (SPEC §4.12) reports them, in its order, from the
     * file's text.
     */
    private List<CopyDir> copyDirs(Fields p) throws ConfigException {
        List<CopyDir> dirs = new ArrayList<>();
        for (String entry : p.strings("copy_dirs", List.of())) {
            int colon = entry.indexOf(':');
            if (colon >= 0) {
                dirs.add(new CopyDir(file.resolve(entry.substring(0, colon)), entry.substring(colon + 1)));
            }
        }
        return List.copyOf(dirs);
    }
}
