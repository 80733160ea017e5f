package dev.offload.core.provider.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.offload.core.config.OffloadSettings;
import dev.offload.core.config.ProviderConfig;
import dev.offload.core.config.ProviderConfig.CopyDir;
import dev.offload.core.image.BaseImage;
import dev.offload.core.image.DockerIgnore;
import dev.offload.core.image.ImageBuilder;
import dev.offload.core.image.ImageException;
import dev.offload.core.image.IncrementalImage;
import dev.offload.core.provider.Shell;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Builds the docker provider's images through the Engine API (SPEC §8.8, §13.4): the user's {@code dockerfile} with the
 * exported repository as context (its {@code .dockerignore} honoured), or {@code FROM <image>}; then generated layers
 * that copy the project to {@code sandbox_repo_root}, each copy dir, and run {@code sandbox_init_cmd}.
 */
public final class DockerImageBuilder implements ImageBuilder {
    /** Label of a thin-diff image (SPEC §13.5): the id of the base image it was built on. */
    public static final String THIN_DIFF_LABEL = "dev.offload.thin-diff-of";

    private final DockerClient client;
    private final ProviderConfig.Docker config;
    private final OffloadSettings offload;
    private final Path tempDir;

    public DockerImageBuilder(
            DockerClient client, ProviderConfig.Docker config, OffloadSettings offload, Path tempDir) {
        this.client = client;
        this.config = config;
        this.offload = offload;
        this.tempDir = tempDir;
    }

    @Override
    public Optional<String> imageWithoutBuild() throws ImageException, InterruptedException {
        if (config.image().isPresent() && !addsLayers(config.copyDirs().isEmpty())) {
            return Optional.of(ensurePresent(config.image().get()));
        }
        return Optional.empty();
    }

    private boolean addsLayers(boolean noCopyDirs) {
        return config.includeCwd() || !noCopyDirs || offload.sandboxInitCmd().isPresent();
    }

    @Override
    public boolean holdsProject() {
        return config.includeCwd() || config.dockerfile().isPresent();
    }

    @Override
    public boolean exists(String imageId) {
        try {
            client.inspectImageCmd(imageId).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public String buildBase(BaseImage build, Consumer<String> log) throws ImageException, InterruptedException {
        String from = build.dockerfile().isPresent()
                ? buildDockerfile(build, log)
                : ensurePresent(config.image().orElseThrow());
        if (!addsLayers(build.copyDirs().isEmpty())) {
            return from;
        }
        try (BuildContext context = new BuildContext(tempDir)) {
            StringBuilder dockerfile = new StringBuilder("FROM ").append(from).append('\n');
            if (config.includeCwd()) {
                context.addTree("project", build.context(), DockerIgnore.read(build.context()));
                dockerfile
                        .append("COPY project/ ")
                        .append(json(build.repoRoot() + "/"))
                        .append('\n');
            }
            for (int i = 0; i < build.copyDirs().size(); i++) {
                CopyDir dir = build.copyDirs().get(i);
                context.addTree("copy-" + i, Path.of(dir.local()), DockerIgnore.NONE);
                dockerfile
                        .append("COPY copy-")
                        .append(i)
                        .append("/ ")
                        .append(json(dir.remote() + "/"))
                        .append('\n');
            }
            build.sandboxInitCmd()
                    .ifPresent(cmd -> dockerfile
                            .append("RUN ")
                            .append(json(java.util.List.of(
                                    "sh",
                                    "-c",
                                    "mkdir -p " + Shell.quote(build.repoRoot()) + " && cd "
                                            + Shell.quote(build.repoRoot()) + " && " + cmd)))
                            .append('\n'));
            context.addText("Dockerfile", dockerfile.toString());
            context.finish();
            return build(context.file(), build.noCache(), log);
        } catch (IOException e) {
            throw new ImageException("cannot write the build context: " + e.getMessage(), e);
        }
    }

    @Override
    public String buildIncremental(IncrementalImage build, Consumer<String> log)
            throws ImageException, InterruptedException {
        try (BuildContext context = new BuildContext(tempDir)) {
            StringBuilder dockerfile =
                    new StringBuilder("FROM ").append(build.baseImage()).append('\n');
            // Says what the image is in `docker images --filter label=...`: a run removes it at its end.
            dockerfile
                    .append("LABEL ")
                    .append(THIN_DIFF_LABEL)
                    .append('=')
                    .append(json(build.baseImage()))
                    .append('\n');
            if (build.patch().isPresent()) {
                context.addFile("offload.patch", build.patch().get());
                dockerfile
                        .append("COPY offload.patch ")
                        .append(IncrementalImage.PATCH_PATH)
                        .append('\n');
            }
            dockerfile
                    .append("RUN ")
                    .append(json(java.util.List.of("sh", "-c", build.script())))
                    .append('\n');
            context.addText("Dockerfile", dockerfile.toString());
            context.finish();
            return build(context.file(), false, log);
        } catch (IOException e) {
            throw new ImageException("cannot write the build context: " + e.getMessage(), e);
        }
    }

    /**
     * Removes a thin-diff image after its run. An image still used by a container (another run that built the same
     * layers and got the same id) is left to that run, and one already gone is fine.
     */
    @Override
    public void remove(String imageId) throws ImageException {
        try {
            client.removeImageCmd(imageId).exec();
        } catch (NotFoundException | ConflictException e) {
            // gone already, or in use by another run that removes it at its own end
        } catch (RuntimeException e) {
            throw new ImageException("could not remove image " + imageId + ": " + e.getMessage(), e);
        }
    }

    /** The user's Dockerfile with the exported repository as context; one outside the repository is copied in. */
    private String buildDockerfile(BaseImage build, Consumer<String> log) throws ImageException, InterruptedException {
        Path dockerfile = build.dockerfile().get();
        try (BuildContext context = new BuildContext(tempDir)) {
            context.addTree("", build.context(), DockerIgnore.read(build.context()));
            String name = dockerfile.isAbsolute()
                    ? ".offload.Dockerfile"
                    : dockerfile.toString().replace('\\', '/');
            if (dockerfile.isAbsolute()) {
                context.addFile(name, dockerfile);
            } else if (!Files.isRegularFile(build.context().resolve(dockerfile))) {
                throw new ImageException("provider.dockerfile '" + dockerfile + "' does not exist in the base commit");
            }
            context.finish();
            return build(context.file(), build.noCache(), log, name);
        } catch (IOException e) {
            throw new ImageException("cannot write the build context: " + e.getMessage(), e);
        }
    }

    private String build(Path contextTar, boolean noCache, Consumer<String> log)
            throws ImageException, InterruptedException {
        return build(contextTar, noCache, log, "Dockerfile");
    }

    private String build(Path contextTar, boolean noCache, Consumer<String> log, String dockerfile)
            throws ImageException, InterruptedException {
        try (InputStream tar = Files.newInputStream(contextTar)) {
            BuildImageResultCallback callback = new BuildImageResultCallback() {
                @Override
                public void onNext(BuildResponseItem item) {
                    if (item.getStream() != null) {
                        item.getStream().lines().filter(l -> !l.isBlank()).forEach(log);
                    }
                    super.onNext(item);
                }
            };
            return client.buildImageCmd(tar)
                    .withDockerfilePath(dockerfile)
                    .withNoCache(noCache)
                    .withNetworkMode(config.network())
                    .withPull(false)
                    .withRemove(true)
                    .exec(callback)
                    .awaitImageId(1, TimeUnit.HOURS);
        } catch (DockerException e) {
            throw new ImageException("docker build failed: " + e.getMessage().strip(), e);
        } catch (IOException | RuntimeException e) {
            throw new ImageException("docker build failed: " + e.getMessage(), e);
        }
    }

    /** An image that is not present locally is pulled (SPEC §8.8). */
    private String ensurePresent(String image) throws ImageException, InterruptedException {
        if (exists(image)) {
            return image;
        }
        try {
            client.pullImageCmd(image).start().awaitCompletion(1, TimeUnit.HOURS);
            return image;
        } catch (RuntimeException e) {
            throw new ImageException("image '" + image + "' is not present locally and could not be pulled: "
                    + e.getMessage().strip());
        }
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
