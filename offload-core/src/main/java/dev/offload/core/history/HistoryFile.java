package dev.offload.core.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads and writes the JSON Lines history file (SPEC §12.1, §12.2, §12.6). Reading is tolerant: a bad line is skipped
 * and returned as {@link Dropped}, never fatal. Writing is sorted and atomic: readers see the old or the new complete
 * file (§17.8).
 */
public final class HistoryFile {
    private HistoryFile() {}

    /** A line that was skipped: where, why, and its text (kept in {@code history-dropped.jsonl}). */
    public record Dropped(Path file, int line, String reason, String text) {
        /** {@code history <path>:<line>: invalid record skipped (<reason>)}. */
        public String warning() {
            return "history " + file + ":" + line + ": invalid record skipped (" + reason + ")";
        }
    }

    /** A file's content: records sorted by key (duplicate keys combined) and the lines that were skipped. */
    public record Content(SortedMap<HistoryKey, HistoryRecord> records, List<Dropped> dropped) {
        public Content {
            records = new TreeMap<>(records);
            dropped = List.copyOf(dropped);
        }
    }

    /** Reads {@code file}; a missing file is empty. */
    public static Content read(Path file, int reservoirSize) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Content(new TreeMap<>(), List.of());
        }
        SortedMap<HistoryKey, HistoryRecord> records = new TreeMap<>();
        List<Dropped> dropped = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                Map.Entry<HistoryKey, HistoryRecord> entry = HistoryLine.parse(line);
                records.merge(
                        entry.getKey(), entry.getValue(), (a, b) -> HistoryMerge.records(null, a, b, reservoirSize));
            } catch (HistoryLine.InvalidLineException e) {
                dropped.add(new Dropped(file, i + 1, e.getMessage(), line));
            }
        }
        return new Content(records, dropped);
    }

    /**
     * Writes the records sorted by key into {@code <file>.tmp}, syncs it and renames it over {@code file}. The caller
     * holds the {@link HistoryLock} when other writers may exist.
     */
    public static void write(Path file, SortedMap<HistoryKey, HistoryRecord> records) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            var writer = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            for (var entry : new TreeMap<>(records).entrySet()) {
                writer.write(HistoryLine.format(entry.getKey(), entry.getValue()));
                writer.write('\n');
            }
            writer.flush();
            channel.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Appends skipped lines to {@code droppedFile} (SPEC §12.2), one per line, so nothing is silently lost. */
    public static void appendDropped(Path droppedFile, List<Dropped> dropped) throws IOException {
        if (dropped.isEmpty()) {
            return;
        }
        Files.createDirectories(droppedFile.toAbsolutePath().getParent());
        StringBuilder text = new StringBuilder();
        dropped.forEach(d -> text.append(d.text()).append('\n'));
        Files.writeString(
                droppedFile,
                text,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }
}
