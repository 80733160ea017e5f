package dev.offload.core.framework;

import dev.offload.core.provider.Executables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Class-data sharing for the junit batch JVMs (issue 7): a dynamic AppCDS archive of the JUnit Platform, its engines
 * and the runner, so each short batch JVM maps their classes instead of parsing and verifying them again (about 0.3 s
 * of CPU per JVM). The archive is made once per cache key (the {@code java} executable, its JDK's module image, and
 * path, size and modification time of each archived jar) by one warm-up JVM that runs {@code CdsWarmup} through the
 * runner, and then reused by every batch of this and later runs.
 *
 * <p>HotSpot archives only jars, never a non-empty directory, and a run's class path must start with the archived
 * one. So the archived jars go first in the batch class path, the project's entries follow in their own order. Any
 * failure (no jar for the runner, an unwritable cache, a JVM that refuses) silently leaves the batches without it;
 * {@code -Xshare:auto} makes a stale or foreign archive a no-op too.
 */
public final class JunitCds {
    /** The Jupiter class the warm-up JVM runs; it lives in the offload-junit-engine jar. */
    static final String WARMUP_ID = "[engine:junit-jupiter]/[class:dev.offload.junit.warmup.CdsWarmup]";

    private static final Pattern ARCHIVED_JAR = Pattern.compile(
            "(junit-platform-|junit-jupiter-|junit-vintage-|opentest4j-|apiguardian-api-|offload-junit-engine-).*\\.jar");
    private static final Duration DUMP_TIMEOUT = Duration.ofSeconds(90);
    /** Archives kept in the cache directory. */
    static final int KEPT = 16;

    private final String java;
    private final List<String> jvmOptions;
    private final List<Path> prefix;
    private final List<Path> classpath;
    private final Path archive;
    private Boolean usable;

    private JunitCds(String java, List<String> jvmOptions, List<Path> prefix, List<Path> classpath, Path archive) {
        this.java = java;
        this.jvmOptions = jvmOptions;
        this.prefix = prefix;
        this.classpath = classpath;
        this.archive = archive;
    }

    /**
     * Plans class-data sharing for {@code classpath}; the archive is looked up or made at the first {@link #jvmArgs}.
     *
     * @param jvmArgs the batches' JVM options, used for the warm-up too
     * @return empty when the class path has no runner jar or the cache directory is unusable
     */
    public static Optional<JunitCds> plan(String java, List<String> jvmArgs, List<Path> classpath, Path cacheDir) {
        List<Path> prefix =
                classpath.stream().filter(JunitCds::archivable).distinct().toList();
        if (prefix.stream().noneMatch(p -> name(p).startsWith("offload-junit-engine-"))) {
            return Optional.empty(); // the runner comes from a classes directory (a development build)
        }
        List<Path> ordered = new ArrayList<>(prefix);
        classpath.stream().filter(p -> !prefix.contains(p)).forEach(ordered::add);
        try {
            Files.createDirectories(cacheDir);
            Path archive = cacheDir.resolve(key(java, jvmArgs, prefix) + ".jsa");
            return Optional.of(new JunitCds(java, jvmArgs, List.copyOf(prefix), List.copyOf(ordered), archive));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The cache directory: {@code $XDG_CACHE_HOME/offload/cds}, else {@code ~/.cache/offload/cds}. */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("offload").resolve("cds");
    }

    /** The batch class path: the archived jars first, then the other entries in their order. */
    public List<Path> classpath() {
        return classpath;
    }

    public Path archive() {
        return archive;
    }

    /**
     * The JVM options that map the archive; empty when it could not be made. When the archive is missing, the first
     * call runs the warm-up JVM that writes it (about a second, once per cache key).
     */
    public synchronized List<String> jvmArgs() throws InterruptedException {
        if (usable == null) {
            usable = reuse() || (!Files.exists(failedMarker()) && dump());
        }
        return usable ? List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off") : List.of();
    }

    /** Runs the warm-up JVM and moves its archive into place; a JVM that refuses is remembered by a marker file. */
    private boolean dump() throws InterruptedException {
        Path work = null;
        Process process = null;
        try {
            work = Files.createTempDirectory(archive.getParent(), "warmup-");
            Path ids = Files.writeString(work.resolve("warmup.ids"), WARMUP_ID + "\n", StandardCharsets.UTF_8);
            Path target = work.resolve("archive.jsa");
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmOptions);
            command.addAll(List.of("-XX:ArchiveClassesAtExit=" + target, "-Xshare:auto", "-Xlog:cds=off"));
            command.addAll(List.of("-cp", JunitClasspath.join(prefix), JunitClasspath.RUNNER_CLASS));
            command.addAll(List.of("--result", work.resolve("warmup.xml").toString(), "--ids", ids.toString()));
            var builder = new ProcessBuilder(command).directory(work.toFile());
            builder.redirectErrorStream(true)
                    .redirectOutput(work.resolve("warmup.log").toFile());
            process = builder.start(); // a plain JVM that starts nothing else: destroying it is enough
            if (!process.waitFor(DUMP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                return false; // a loaded machine: try again next run
            }
            if (process.exitValue() == 0 && Files.isRegularFile(target) && Files.size(target) > 0) {
                Files.move(target, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                prune(archive.getParent());
                return true;
            }
            // This JVM refuses (or cannot run the warm-up): remember it, with its output, and do not retry.
            Files.copy(work.resolve("warmup.log"), failedMarker(), StandardCopyOption.REPLACE_EXISTING);
            return false;
        } catch (IOException e) {
            return false;
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            if (work != null) {
                deleteQuietly(work);
            }
        }
    }

    /** An existing archive, marked as used now so that pruning keeps it. */
    private boolean reuse() {
        try {
            Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis()));
            return true;
        } catch (IOException e) {
            return Files.isRegularFile(archive);
        }
    }

    /**
     * Keeps the {@value #KEPT} most recently used archives: every new jar version or JDK update makes a new one
     * (about 8 MB). A JVM already running keeps its mapping of a deleted archive.
     */
    static void prune(Path cacheDir) {
        try (Stream<Path> files = Files.list(cacheDir)) {
            List<Path> archives = files.filter(p -> name(p).endsWith(".jsa") || name(p).endsWith(".jsa.failed"))
                    .sorted(Comparator.comparing(JunitCds::modified).reversed())
                    .toList();
            for (Path old : archives.subList(Math.min(KEPT, archives.size()), archives.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            // pruning is housekeeping: the next archive made tries again
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private Path failedMarker() {
        return archive.resolveSibling(archive.getFileName() + ".failed");
    }

    private static boolean archivable(Path entry) {
        return ARCHIVED_JAR.matcher(name(entry)).matches() && Files.isRegularFile(entry);
    }

    private static String name(Path entry) {
        return entry.getFileName() == null ? "" : entry.getFileName().toString();
    }

    /**
     * Hash of what makes an archive valid: the JVM (its executable and module image), its options (heap size and GC
     * decide whether HotSpot accepts an archive) and the archived jars.
     */
    static String key(String java, List<String> jvmArgs, List<Path> prefix) throws IOException {
        StringBuilder text = new StringBuilder(String.join(" ", jvmArgs)).append('\n');
        Path executable = Executables.find(java)
                .orElseThrow(() -> new IOException("no " + java))
                .toRealPath();
        text.append(executable).append('\n');
        Path modules = executable.getParent().resolveSibling("lib").resolve("modules");
        text.append(stamp(modules)).append('\n');
        for (Path jar : prefix) {
            text.append(jar.toAbsolutePath()).append(' ').append(stamp(jar)).append('\n');
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stamp(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "-";
        }
        return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover warm-up directory in the cache is harmless
        }
    }
}
