package dev.offload.core.git;

import java.util.List;
import java.util.Optional;

/**
 * One file's section of a git patch (SPEC §13.7).
 *
 * @param oldPath source path without its {@code a/} prefix; empty for a created file
 * @param newPath target path without its {@code b/} prefix; empty for a deleted file
 * @param kind what happens to the file
 * @param newMode the new mode ({@code 100755} for executables), when the patch names one
 * @param hunks text hunks, in order
 * @param binary the forward binary hunk of a {@code GIT binary patch}
 */
public record FilePatch(
        Optional<String> oldPath,
        Optional<String> newPath,
        Kind kind,
        Optional<String> newMode,
        List<TextHunk> hunks,
        Optional<BinaryHunk> binary) {

    public FilePatch {
        hunks = List.copyOf(hunks);
    }

    public enum Kind {
        CREATE,
        DELETE,
        MODIFY,
        RENAME,
        COPY
    }

    /** The path messages name: the target, else the source. */
    public String displayPath() {
        return newPath.or(() -> oldPath).orElse("?");
    }

    /**
     * A text hunk: {@code @@ -oldStart,oldCount +newStart,newCount @@}. Lines keep their first character (' ', '-',
     * '+') and their line ending; a line without one ends the file without a newline.
     */
    public record TextHunk(int oldStart, int oldCount, List<String> lines) {
        public TextHunk {
            lines = List.copyOf(lines);
        }
    }

    /** A {@code literal} (whole new content) or {@code delta} (against the old content) binary hunk, inflated. */
    public record BinaryHunk(boolean literal, byte[] data) {}
}
