package dev.offload.core.git;

import dev.offload.core.git.FilePatch.TextHunk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Applies parsed git patches to a directory (SPEC §13.7): exact hunks, no fuzz, no offset; the first mismatch stops
 * with a message naming the file. Paths may not leave the root.
 */
public final class PatchApplier {
    private final Path root;

    public PatchApplier(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Applies every file patch in order; stops at the first failure. */
    public void apply(List<FilePatch> patches) throws PatchException {
        for (FilePatch patch : patches) {
            try {
                applyOne(patch);
            } catch (IOException e) {
                throw new PatchException(patch.displayPath() + ": " + e);
            }
        }
    }

    private void applyOne(FilePatch patch) throws PatchException, IOException {
        String name = patch.displayPath();
        if (patch.kind() == FilePatch.Kind.DELETE) {
            delete(resolve(patch.oldPath().orElseThrow(), name));
            return;
        }
        Path target = resolve(patch.newPath().orElseThrow(), name);
        byte[] content;
        if (patch.kind() == FilePatch.Kind.CREATE) {
            content = newContent(patch, new byte[0], name);
        } else {
            Path source = resolve(patch.oldPath().orElseThrow(), name);
            if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                throw new PatchException(patch.oldPath().get() + ": no such file to patch");
            }
            content = newContent(patch, Files.readAllBytes(source), name);
            if (patch.kind() == FilePatch.Kind.RENAME && !source.equals(target)) {
                Files.delete(source);
            }
        }
        write(target, content, patch);
    }

    private static byte[] newContent(FilePatch patch, byte[] old, String name) throws PatchException {
        if (patch.binary().isPresent()) {
            FilePatch.BinaryHunk binary = patch.binary().get();
            try {
                return binary.literal() ? binary.data() : GitDelta.apply(old, binary.data());
            } catch (PatchException e) {
                throw new PatchException(name + ": " + e.getMessage());
            }
        }
        if (patch.hunks().isEmpty()) {
            return old;
        }
        return applyHunks(new String(old, StandardCharsets.ISO_8859_1), patch.hunks(), name)
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Each hunk's old lines must be exactly at the position its header names. */
    static String applyHunks(String text, List<TextHunk> hunks, String name) throws PatchException {
        List<String> lines = PatchParser.splitContent(text);
        StringBuilder out = new StringBuilder();
        int cursor = 0;
        for (TextHunk hunk : hunks) {
            int start = hunk.oldCount() == 0 ? hunk.oldStart() : hunk.oldStart() - 1;
            List<String> expected = new ArrayList<>();
            List<String> replacement = new ArrayList<>();
            for (String line : hunk.lines()) {
                char kind = line.charAt(0);
                if (kind != '+') {
                    expected.add(line.substring(1));
                }
                if (kind != '-') {
                    replacement.add(line.substring(1));
                }
            }
            if (start < cursor
                    || start + expected.size() > lines.size()
                    || !lines.subList(start, start + expected.size()).equals(expected)) {
                throw new PatchException(name + ": hunk at line " + hunk.oldStart()
                        + " does not match the file (patches apply exactly, without fuzz)");
            }
            lines.subList(cursor, start).forEach(out::append);
            replacement.forEach(out::append);
            cursor = start + expected.size();
        }
        lines.subList(cursor, lines.size()).forEach(out::append);
        return out.toString();
    }

    /** Removes a file; a directory only when empty; a missing path is fine. */
    private static void delete(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return; // also when a parent was already replaced by a file (dir → file)
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.delete(path);
            } catch (DirectoryNotEmptyException e) {
                // keeps what the patch does not know about
            }
            return;
        }
        Files.deleteIfExists(path);
    }

    private static void write(Path target, byte[] content, FilePatch patch) throws IOException {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(target); // a file replaces a directory (dir → file changes)
        }
        Files.createDirectories(target.getParent());
        Files.write(target, content);
        if (patch.newMode().isPresent()) {
            boolean executable = patch.newMode().get().endsWith("755");
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(target);
                for (var perm : List.of(
                        PosixFilePermission.OWNER_EXECUTE,
                        PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE)) {
                    if (executable) {
                        perms.add(perm);
                    } else {
                        perms.remove(perm);
                    }
                }
                Files.setPosixFilePermissions(target, perms);
            } catch (UnsupportedOperationException e) {
                // not a POSIX filesystem: modes do not exist there
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private Path resolve(String path, String name) throws PatchException {
        Path resolved = root.resolve(path).normalize();
        if (Path.of(path).isAbsolute() || !resolved.startsWith(root) || resolved.equals(root)) {
            throw new PatchException(name + ": path '" + path + "' is outside the project root");
        }
        return resolved;
    }
}
