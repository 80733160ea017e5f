package dev.offload.core.image;

import dev.offload.core.config.CheckpointConfig;
import dev.offload.core.config.Config;
import dev.offload.core.config.ProviderConfig.CopyDir;
import dev.offload.core.git.Git;
import dev.offload.core.git.GitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Prepares the image a run's sandboxes start from (SPEC §13.4): cache hit → thin diff on the cached image; miss →
 * export the base commit, base build, note, thin diff; export or diff failure → full build from a working-tree
 * snapshot. Provider-neutral: the provider's {@link ImageBuilder} does the builds.
 */
public final class ImagePipeline {
    private static final List<Duration> RETRY_DELAYS = List.of(Duration.ofMillis(500), Duration.ofSeconds(1));

    private final Config config;
    private final ImageBuilder builder;
    private final ImageOptions options;
    private final Consumer<String> progress;
    private final Consumer<String> warnings;
    private final Path tempDir;

    /**
     * @param progress receives the {@code [cache]} and {@code [prepare]} lines (stderr)
     * @param tempDir where exports and patches are written; the caller deletes it
     */
    public ImagePipeline(
            Config config,
            ImageBuilder builder,
            ImageOptions options,
            Consumer<String> progress,
            Consumer<String> warnings,
            Path tempDir) {
        this.config = config;
        this.builder = builder;
        this.options = options;
        this.progress = progress;
        this.warnings = warnings;
        this.tempDir = tempDir;
    }

    /** Returns the id of the image to start sandboxes from. */
    public String prepare() throws ImageException, InterruptedException {
        return prepareImage().id();
    }

    /** The image to start sandboxes from, and whether it was built for this run alone. */
    public PreparedImage prepareImage() throws ImageException, InterruptedException {
        if (options.overrideImageId().isPresent()) {
            return PreparedImage.kept(options.overrideImageId().get());
        }
        Optional<String> asIs = builder.imageWithoutBuild();
        if (asIs.isPresent()) {
            return PreparedImage.kept(asIs.get());
        }
        Optional<Path> top = Git.topLevel(config.configDir());
        if (top.isEmpty()) {
            progress.accept("[prepare] not in a git repository: full build without the image cache");
            return fullBuild(config.configDir());
        }
        try {
            return fromRepository(new Git(top.get()));
        } catch (GitException | IOException e) {
            throw new ImageException("image preparation failed: " + e.getMessage(), e);
        }
    }

    private PreparedImage fromRepository(Git git)
            throws GitException, IOException, ImageException, InterruptedException {
        List<String> inputs =
                config.checkpoint().map(CheckpointConfig::buildInputs).orElse(List.of());
        Optional<BaseCommit> base = BaseCommit.find(git, inputs);
        if (base.isEmpty()) {
            progress.accept("[prepare] no base commit"
                    + (inputs.isEmpty() ? "" : " touches the checkpoint's build_inputs") + ": full build");
            return fullBuild(git.dir());
        }
        BaseCommit commit = base.get();
        DockerIgnore ignore = DockerIgnore.read(git.dir());
        Optional<ImageCache> cache = options.noCache() ? Optional.empty() : Optional.of(cache(git));
        if (cache.isPresent()) {
            cache.get().fetch();
            Optional<String> hit = cache.get().lookup(commit.sha()).filter(builder::exists);
            if (hit.isPresent()) {
                progress.accept("[cache] " + commit.label() + " hit: using cached image from " + commit.shortSha());
                try {
                    return thin(git, commit, ignore, hit.get());
                } catch (ImageException | GitException | IOException e) {
                    warnings.accept("thin diff on the cached image failed (" + e.getMessage() + "); building base");
                }
            } else {
                progress.accept("[cache] " + commit.label() + " miss: no cached image for " + commit.shortSha()
                        + " -- building base");
            }
        }
        Path export = Files.createTempDirectory(tempDir, "export-");
        try {
            step("export of " + commit.shortSha(), () -> {
                ContextExport.exportCommit(git, commit.sha(), ignore, export);
                return "";
            });
        } catch (GitException | IOException e) {
            warnings.accept("could not export " + commit.shortSha() + " (" + e.getMessage() + "); full build instead");
            return fullBuild(git.dir());
        }
        String baseId = retried("base build", () -> builder.buildBase(baseImage(export, git.dir()), this::output));
        if (cache.isPresent()) {
            cache.get().write(commit.sha(), baseId);
        }
        try {
            return thin(git, commit, ignore, baseId);
        } catch (ImageException | GitException | IOException e) {
            warnings.accept("thin diff failed (" + e.getMessage() + "); full build instead");
            return fullBuild(git.dir());
        }
    }

    private PreparedImage thin(Git git, BaseCommit commit, DockerIgnore ignore, String imageId)
            throws ImageException, GitException, IOException, InterruptedException {
        Optional<String> postPatch = config.offload().postPatchCmd();
        Optional<Path> patch = Optional.empty();
        if (builder.holdsProject()) {
            ThinDiff.Diff diff = ThinDiff.compute(git, commit.sha(), ignore, tempDir);
            patch = ThinDiff.write(diff, Files.createTempDirectory(tempDir, "patch-"));
            if (!diff.isEmpty()) {
                progress.accept(
                        "[prepare] thin diff: " + diff.paths().size() + " file(s) changed since " + commit.shortSha());
            }
        }
        if (patch.isEmpty() && postPatch.isEmpty()) {
            progress.accept("[prepare] No changes since checkpoint, reusing image");
            return PreparedImage.kept(imageId);
        }
        var build =
                new IncrementalImage(imageId, patch, postPatch, config.offload().sandboxRepoRoot());
        return PreparedImage.runOnly(retried("thin-diff build", () -> builder.buildIncremental(build, this::output)));
    }

    /** SPEC §13.4 step 3: a working-tree snapshot, no note, then {@code post_patch_cmd} as a layer. */
    private PreparedImage fullBuild(Path root) throws ImageException, InterruptedException {
        Path snapshot;
        try {
            snapshot = Files.createTempDirectory(tempDir, "snapshot-");
            ContextExport.snapshot(root, DockerIgnore.read(root), snapshot);
        } catch (IOException e) {
            throw new ImageException("cannot snapshot the working tree: " + e.getMessage(), e);
        }
        String id = retried("full build", () -> builder.buildBase(baseImage(snapshot, root), this::output));
        Optional<String> postPatch = config.offload().postPatchCmd();
        if (postPatch.isEmpty()) {
            return PreparedImage.kept(id);
        }
        var build = new IncrementalImage(
                id, Optional.empty(), postPatch, config.offload().sandboxRepoRoot());
        return PreparedImage.runOnly(
                retried("post_patch_cmd layer", () -> builder.buildIncremental(build, this::output)));
    }

    private BaseImage baseImage(Path context, Path repoTop) {
        ImageSource source = ImageSource.of(config.provider());
        Optional<Path> dockerfile = source.dockerfile().map(Path::of).map(file -> {
            Path absolute = file.toAbsolutePath().normalize();
            return absolute.startsWith(repoTop) ? repoTop.relativize(absolute) : absolute;
        });
        List<CopyDir> copyDirs = new ArrayList<>(source.copyDirs());
        for (String spec : options.copyDirs()) {
            int colon = spec.indexOf(':');
            copyDirs.add(new CopyDir(
                    config.configDir()
                            .resolve(spec.substring(0, colon))
                            .normalize()
                            .toString(),
                    spec.substring(colon + 1)));
        }
        return new BaseImage(
                context,
                dockerfile,
                copyDirs,
                config.offload().sandboxInitCmd(),
                config.offload().sandboxRepoRoot(),
                options.noCache());
    }

    private ImageCache cache(Git git) {
        String key = git.dir()
                .relativize(config.file().toAbsolutePath().normalize())
                .toString()
                .replace('\\', '/');
        return new ImageCache(git, key, "origin", warnings);
    }

    private void output(String line) {
        progress.accept("[prepare]   " + line);
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws ImageException, GitException, IOException, InterruptedException;
    }

    private <T> T step(String name, Step<T> step)
            throws ImageException, GitException, IOException, InterruptedException {
        progress.accept("[prepare] starting: " + name);
        long start = System.nanoTime();
        T result = step.run();
        progress.accept("[prepare] finished: " + name + " [took "
                + dev.offload.core.report.Durations.format(Duration.ofNanos(System.nanoTime() - start)) + "]");
        return result;
    }

    /** Image builds are attempted up to 3 times, 0.5 s then 1 s apart (SPEC §8.3). */
    private String retried(String name, Step<String> build) throws ImageException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return step(name, build);
            } catch (ImageException | GitException | IOException e) {
                if (attempt > RETRY_DELAYS.size()) {
                    throw e instanceof ImageException image
                            ? image
                            : new ImageException(name + " failed: " + e.getMessage(), e);
                }
                Duration delay = RETRY_DELAYS.get(attempt - 1);
                warnings.accept("retrying %s (attempt %d/3) after %dms: %s"
                        .formatted(name, attempt + 1, delay.toMillis(), e.getMessage()));
                Thread.sleep(delay.toMillis());
            }
        }
    }
}
