package dev.offload.core.framework;

import dev.offload.core.provider.Shell;

/**
 * Shell text that writes a bundled file (the pytest plugin, the vitest reporter) into a sandbox directory from a quoted
 * here-document. Local slots share one result directory, so the file is written under a per-process name and renamed
 * into place: a concurrent batch never reads a half-written file.
 */
final class SandboxFileWriter {
    private SandboxFileWriter() {}

    static String write(String dir, String fileName, String content, String heredocEnd) {
        if (content.lines().anyMatch(heredocEnd::equals)) {
            throw new IllegalStateException(
                    "bundled file " + fileName + " contains the heredoc delimiter " + heredocEnd);
        }
        String body = content.endsWith("\n") ? content : content + "\n";
        String target = Shell.quote(dir + "/" + fileName);
        String temp = Shell.quote(dir + "/." + fileName) + ".$$";
        return "mkdir -p " + Shell.quote(dir) + " || exit 1\n"
                + "cat > " + temp + " <<'" + heredocEnd + "' || exit 1\n"
                + body + heredocEnd + "\n"
                + "mv -f " + temp + " " + target + " || exit 1\n";
    }
}
