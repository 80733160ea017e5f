package dev.offload.core.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code offload history merge <base> <ours> <theirs>} (SPEC §12.7): git calls it with the common ancestor (%O), our
 * version (%A, also where the result goes) and theirs (%B). Everything is read tolerantly; only an unreadable ours or
 * theirs fails.
 */
public final class HistoryMergeDriver {
    public static final int DEFAULT_RESERVOIR_SIZE = 20;

    private HistoryMergeDriver() {}

    /**
     * Merges into {@code ours}, atomically.
     *
     * @throws IOException when ours or theirs cannot be read, or the result cannot be written
     */
    public static void merge(Path base, Path ours, Path theirs, int reservoirSize, Consumer<String> warnings)
            throws IOException {
        requireReadable(ours, "ours");
        requireReadable(theirs, "theirs");
        SortedMap<HistoryKey, HistoryRecord> baseRecords = new TreeMap<>();
        try {
            baseRecords = tolerant(HistoryFile.read(base, reservoirSize), warnings);
        } catch (IOException e) {
            warnings.accept("cannot read merge base " + base + " (" + e.getMessage() + "); merging without it");
        }
        var merged = HistoryMerge.files(
                baseRecords,
                tolerant(HistoryFile.read(ours, reservoirSize), warnings),
                tolerant(HistoryFile.read(theirs, reservoirSize), warnings),
                reservoirSize);
        HistoryFile.write(ours, merged);
    }

    private static SortedMap<HistoryKey, HistoryRecord> tolerant(
            HistoryFile.Content content, Consumer<String> warnings) {
        List<HistoryFile.Dropped> dropped = content.dropped();
        dropped.forEach(d -> warnings.accept(d.warning()));
        return content.records();
    }

    private static void requireReadable(Path file, String role) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read " + role + " file " + file);
        }
    }
}
