package dev.offload.core.history;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Excludes other writers of one history file while it is re-read, updated and rewritten, so two runs finishing at
 * once both keep their samples. The lock file lives in {@code java.io.tmpdir} (named after a hash of the history
 * file's real path) rather than beside the history file, so a repository never gets a stray lock file to commit.
 * A {@link FileLock} excludes other processes; it is held per JVM, so threads of one JVM (two runs in one Maven build)
 * are excluded by a per-path lock first.
 */
public final class HistoryLock implements AutoCloseable {
    /** One lock per history file per JVM: FileLock cannot exclude threads of the same JVM. */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private HistoryLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Blocks until this JVM and process hold the lock of {@code historyFile}. */
    public static HistoryLock acquire(Path historyFile) throws IOException {
        Path key = canonical(historyFile);
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        threadLock.lock();
        try {
            Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "offload-history-" + hash(key) + ".lock");
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new HistoryLock(threadLock, channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            threadLock.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            fileLock.release();
            channel.close();
        } finally {
            threadLock.unlock();
        }
    }

    /** The real path of the file (its directory's, when the file does not exist yet). */
    private static Path canonical(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (Files.exists(absolute)) {
            return absolute.toRealPath();
        }
        return parent != null && Files.exists(parent) ? parent.toRealPath().resolve(absolute.getFileName()) : absolute;
    }

    private static String hash(Path path) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(path.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
