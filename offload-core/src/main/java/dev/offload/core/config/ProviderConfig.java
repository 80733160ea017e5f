package dev.offload.core.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code [provider]} table (SPEC §4.6): one record per {@code type}. */
public sealed interface ProviderConfig {

    /** The {@code type} value as written in the file. */
    String type();

    /** Extra environment for batches. */
    Map<String, String> env();

    /**
     * Whether batches run with this machine's tools, the ones discovery ran with. Only then may a framework rely on
     * what discovery learnt about its runner (e.g. pytest's version for id files, SPEC §9.2): a container or remote
     * host may have an older one.
     */
    default boolean runsBatchesWithLocalTools() {
        return this instanceof Local;
    }

    record Local(Optional<String> workingDir, Map<String, String> env, String shell) implements ProviderConfig {
        public Local {
            env = Map.copyOf(env);
        }

        @Override
        public String type() {
            return "local";
        }
    }

    record Default(
            Optional<String> prepareCommand,
            String createCommand,
            String execCommand,
            String destroyCommand,
            Optional<String> downloadCommand,
            Optional<String> workingDir,
            int timeoutSecs,
            List<CopyDir> copyDirs,
            Map<String, String> env,
            double cpuCores)
            implements ProviderConfig {
        public Default {
            copyDirs = List.copyOf(copyDirs);
            env = Map.copyOf(env);
        }

        @Override
        public String type() {
            return "default";
        }
    }

    record Modal(
            Optional<String> dockerfile,
            boolean includeCwd,
            List<CopyDir> copyDirs,
            Map<String, String> env,
            double cpuCores,
            Optional<Double> memoryGb,
            Map<String, Object> experimentalOptions)
            implements ProviderConfig {
        public Modal {
            copyDirs = List.copyOf(copyDirs);
            env = Map.copyOf(env);
            experimentalOptions = Map.copyOf(experimentalOptions);
        }

        @Override
        public String type() {
            return "modal";
        }
    }

    record Docker(
            Optional<String> image,
            Optional<String> dockerfile,
            boolean includeCwd,
            List<CopyDir> copyDirs,
            double cpuCores,
            Optional<Double> memoryGb,
            String network,
            Map<String, String> env,
            List<String> runArgs,
            Optional<String> dockerHost)
            implements ProviderConfig {
        public Docker {
            copyDirs = List.copyOf(copyDirs);
            env = Map.copyOf(env);
            runArgs = List.copyOf(runArgs);
        }

        @Override
        public String type() {
            return "docker";
        }
    }

    record Ssh(
            List<String> hosts,
            int slotsPerHost,
            Optional<String> identityFile,
            List<String> sshOptions,
            String remoteDir,
            List<CopyDir> copyDirs,
            Map<String, String> env,
            double cpuCores)
            implements ProviderConfig {
        public Ssh {
            hosts = List.copyOf(hosts);
            sshOptions = List.copyOf(sshOptions);
            copyDirs = List.copyOf(copyDirs);
            env = Map.copyOf(env);
        }

        @Override
        public String type() {
            return "ssh";
        }
    }

    /** One {@code "local:remote"} entry, split at the first colon. */
    record CopyDir(String local, String remote) {}
}
