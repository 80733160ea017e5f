package dev.offload.core.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validation steps 4 to 8 (SPEC §4.12): the default framework's {@code {filters}}, the default provider's {@code
 * {image_id}}, each provider type's own rule, {@code copy_dirs} entries and {@code [checkpoint]}.
 */
final class StructureRules {
    private final ConfigFile file;
    private final Node tree;

    StructureRules(ConfigFile file, Node tree) {
        this.file = file;
        this.tree = tree;
    }

    void check(Config config) throws ConfigException {
        if (config.framework() instanceof FrameworkConfig.Default f
                && !f.discoverCommand().contains("{filters}")) {
            throw file.error(
                    at("framework", "discover_command"),
                    "must contain {filters} so that each group can select its tests, found '" + f.discoverCommand()
                            + "'");
        }
        if (config.provider() instanceof ProviderConfig.Default p
                && p.createCommand().contains("{image_id}")
                && p.prepareCommand().isEmpty()) {
            throw file.error(
                    at("provider", "create_command"),
                    "uses {image_id} but provider.prepare_command is not set (nothing builds an image)");
        }
        checkProviderType(config.provider());
        checkCopyDirs();
        if (config.checkpoint().isPresent()) {
            checkCheckpoint(config.provider().type());
        }
    }

    private void checkProviderType(ProviderConfig provider) throws ConfigException {
        if (provider instanceof ProviderConfig.Docker d
                && d.image().isPresent() == d.dockerfile().isPresent()) {
            throw file.error(
                    d.image().isPresent() ? at("provider", "dockerfile") : at("provider", "type"),
                    "provider type 'docker' needs exactly one of 'image' and 'dockerfile', found "
                            + (d.image().isPresent() ? "both" : "neither"));
        }
        if (provider instanceof ProviderConfig.Docker d) {
            try {
                DockerRunArgs.parse(d.runArgs());
            } catch (IllegalArgumentException e) {
                throw file.error(at("provider", "run_args"), e.getMessage());
            }
        }
        if (provider instanceof ProviderConfig.Local l && l.shell().isBlank()) {
            throw file.error(at("provider", "shell"), "must not be empty (batches run as <shell> -c <script>)");
        }
        if (provider instanceof ProviderConfig.Ssh s && s.hosts().isEmpty()) {
            throw file.error(at("provider", "hosts"), "must list at least one host");
        }
    }

    private void checkCopyDirs() throws ConfigException {
        for (Node entry : tree.find("provider", "copy_dirs").map(Node::elements).orElse(List.of())) {
            String text = (String) entry.value();
            if (!text.contains(":")) {
                throw file.error(entry, "invalid copy_dirs entry '" + text + "' (expected local:remote)");
            }
        }
    }

    private void checkCheckpoint(String providerType) throws ConfigException {
        Node inputs = at("checkpoint", "build_inputs");
        if (inputs.elements().isEmpty()) {
            throw file.error(inputs, "must list at least one path");
        }
        if (providerType.equals("local") || providerType.equals("ssh")) {
            throw file.error(
                    at("checkpoint"),
                    "[checkpoint] is not supported with provider type '" + providerType
                            + "' (it builds no images); remove the table");
        }
        Map<Path, String> seen = new HashMap<>();
        for (Node entry : inputs.elements()) {
            String text = (String) entry.value();
            String previous = seen.putIfAbsent(Path.of(text).normalize(), text);
            if (previous != null) {
                throw file.error(entry, "duplicate entry '" + text + "' (same path as '" + previous + "')");
            }
        }
    }

    private Node at(String... path) {
        Optional<Node> node = tree.find(path);
        return node.orElseGet(() -> tree.find(path[0]).orElse(tree));
    }
}
