package dev.offload.core.provider.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import dev.offload.core.config.DockerRunArgs;
import dev.offload.core.config.ProviderConfig;
import dev.offload.core.provider.Provider;
import dev.offload.core.provider.ProviderException;
import dev.offload.core.provider.Sandbox;
import dev.offload.core.provider.SandboxUpload;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The {@code docker} provider (SPEC §8.8): one container per sandbox through the Engine API (docker-java, no CLI).
 * Every container it creates is remembered until removed; {@link #close} and a JVM shutdown hook remove what the run's
 * own teardown missed (a creation still in flight at Ctrl-C), and the next run reaps containers whose owner died.
 */
public final class DockerProvider implements Provider {
    public static final String RUN_ID_LABEL = "dev.offload.run-id";
    public static final String OWNER_LABEL = "dev.offload.owner";

    private final DockerClient client;
    private final ProviderConfig.Docker config;
    private final DockerRunArgs runArgs;
    private final String image;
    private final String runId;
    private final String projectRoot;
    private final Owner owner = Owner.current();
    private final DockerTimings timings;
    private final Set<String> containers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger created = new AtomicInteger();
    private final Thread shutdownHook;
    private volatile UploadArchive upload;

    /**
     * @param image the prepared image (SPEC §13)
     * @param projectRoot sandbox-side {@code OFFLOAD_ROOT}
     */
    public DockerProvider(
            DockerClient client,
            ProviderConfig.Docker config,
            String image,
            String runId,
            String projectRoot,
            Consumer<String> warnings) {
        this(client, config, image, runId, projectRoot, warnings, DockerTimings.DEFAULT);
    }

    DockerProvider(
            DockerClient client,
            ProviderConfig.Docker config,
            String image,
            String runId,
            String projectRoot,
            Consumer<String> warnings,
            DockerTimings timings) {
        this.client = client;
        this.config = config;
        this.runArgs = DockerRunArgs.parse(config.runArgs()); // validated at load: cannot fail here
        this.image = image;
        this.runId = runId;
        this.projectRoot = projectRoot;
        this.timings = timings;
        new ContainerReaper(client, warnings).reapDeadRuns();
        this.shutdownHook = new Thread(this::removeAll, "offload-docker-cleanup");
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // created while the JVM exits: close() still removes what exists
        }
    }

    @Override
    public String type() {
        return "docker";
    }

    @Override
    public double cpuCores() {
        return config.cpuCores();
    }

    @Override
    public Sandbox create(int slot) throws ProviderException {
        String name = "offload-" + runId + "-" + slot + "-" + created.incrementAndGet();
        String id;
        try {
            id = containerCommand(name).exec().getId();
        } catch (NotFoundException e) {
            throw ProviderException.permanent("sandbox " + slot + ": image " + image + " not found");
        } catch (RuntimeException e) {
            throw new ProviderException("sandbox " + slot + ": cannot create container: " + e.getMessage(), e);
        }
        containers.add(id); // known the moment it exists (SPEC §8.4)
        var sandbox =
                new DockerSandbox(client, id, slot, projectRoot, runTempDir(), timings, () -> containers.remove(id));
        copyUpload(sandbox, slot);
        try {
            client.startContainerCmd(id).exec();
        } catch (RuntimeException e) {
            sandbox.destroy();
            throw new ProviderException("sandbox " + slot + ": cannot start container: " + e.getMessage(), e);
        }
        return sandbox;
    }

    /** Packs the files once; {@link #create} copies them into each container before starting it. */
    @Override
    public boolean uploadAtCreation(SandboxUpload files) throws ProviderException {
        try {
            upload = UploadArchive.pack(files, runTempDir());
        } catch (IOException e) {
            throw ProviderException.permanent(
                    "docker provider: cannot pack " + files.localDir() + ": " + e.getMessage());
        }
        return true;
    }

    private void copyUpload(DockerSandbox sandbox, int slot) throws ProviderException {
        UploadArchive files = upload;
        if (files == null) {
            return;
        }
        try {
            files.copyInto(client, sandbox.containerId());
        } catch (IOException | RuntimeException e) {
            sandbox.destroy();
            throw new ProviderException(
                    "sandbox " + slot + ": cannot copy the class path into the container: " + e.getMessage(), e);
        }
    }

    private String runTempDir() {
        return "/tmp/offload-" + runId;
    }

    private CreateContainerCmd containerCommand(String name) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode(config.network())
                .withNanoCPUs((long) Math.ceil(config.cpuCores() * 1e9))
                .withPrivileged(runArgs.privileged())
                .withBinds(runArgs.binds().stream().map(Bind::parse).toList())
                .withExtraHosts(runArgs.extraHosts().toArray(String[]::new));
        config.memoryGb().ifPresent(gb -> host.withMemory((long) Math.ceil(gb * 1024) * 1024 * 1024));
        runArgs.shmSizeBytes().ifPresent(host::withShmSize);
        return client.createContainerCmd(image)
                .withName(name)
                .withLabels(Map.of(RUN_ID_LABEL, runId, OWNER_LABEL, owner.label()))
                .withWorkingDir(projectRoot)
                .withEnv(runArgs.env())
                .withCmd("sleep", "infinity")
                .withHostConfig(host);
    }

    /** Ids of the containers this provider created and has not removed yet. */
    public List<String> liveContainers() {
        return List.copyOf(containers);
    }

    @Override
    public void close() {
        removeAll();
        UploadArchive files = upload;
        if (files != null) {
            files.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs now and does the same
        }
        try {
            client.close();
        } catch (IOException e) {
            // nothing held that outlives the JVM
        }
    }

    private void removeAll() {
        for (String id : List.copyOf(containers)) {
            try {
                client.removeContainerCmd(id)
                        .withForce(true)
                        .withRemoveVolumes(true)
                        .exec();
            } catch (NotFoundException e) {
                // already gone
            } catch (RuntimeException e) {
                continue; // keep it listed: the run's teardown names it in a warning
            }
            containers.remove(id);
        }
    }
}
