package dev.offload.core.provider;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lists the members of a process group. The JDK has no process group ids, so they are read from {@code /proc} on
 * Linux and from {@code ps} elsewhere. Members matter because processes whose parent died leave the tree that
 * {@link ProcessHandle#descendants()} can see but stay in the batch's group.
 */
final class ProcessGroup {
    private ProcessGroup() {}

    /** Live members of group {@code pgid}; empty for nonsense ids and for the group this JVM runs in. */
    static Set<ProcessHandle> members(long pgid) {
        if (pgid <= 1 || groupOf(ProcessHandle.current().pid()) == pgid) {
            return Set.of();
        }
        if (ProcStat.available()) {
            return ProcessHandle.allProcesses()
                    .filter(p -> groupOf(p.pid()) == pgid)
                    .collect(Collectors.toSet());
        }
        return fromPs(pgid);
    }

    private static long groupOf(long pid) {
        return ProcStat.of(pid).map(ProcStat::group).orElse(-1L);
    }

    private static Set<ProcessHandle> fromPs(long pgid) {
        Set<ProcessHandle> members = new HashSet<>();
        try {
            Process ps = new ProcessBuilder("ps", "-A", "-o", "pid=", "-o", "pgid=")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            ps.getOutputStream().close();
            String listing;
            try (InputStream in = ps.getInputStream()) {
                listing = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            ps.waitFor();
            for (String line : listing.split("\n")) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length == 2 && Long.parseLong(fields[1]) == pgid) {
                    ProcessHandle.of(Long.parseLong(fields[0])).ifPresent(members::add);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Without ps the descendants seen from the JDK are all there is to stop.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return members;
    }
}
