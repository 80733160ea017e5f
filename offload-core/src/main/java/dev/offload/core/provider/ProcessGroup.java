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

    /** The group this JVM runs in: never signalled as a batch's group. */
    private static final long OWN_GROUP = groupOf(ProcessHandle.current().pid());

    /** Live members of group {@code pgid}; empty for nonsense ids and for the group this JVM runs in. */
    static Set<ProcessHandle> members(long pgid) {
        return members(Set.of(pgid));
    }

    /** Live members of any of these groups, found in one pass over the process table. */
    static Set<ProcessHandle> members(Set<Long> pgids) {
        Set<Long> wanted = pgids.stream().filter(g -> g > 1 && g != OWN_GROUP).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return Set.of();
        }
        if (ProcStat.available()) {
            return ProcessHandle.allProcesses()
                    .filter(p -> wanted.contains(groupOf(p.pid())))
                    .collect(Collectors.toSet());
        }
        return fromPs(wanted);
    }

    private static long groupOf(long pid) {
        return ProcStat.of(pid).map(ProcStat::group).orElse(-1L);
    }

    private static Set<ProcessHandle> fromPs(Set<Long> pgids) {
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
                if (fields.length == 2 && pgids.contains(Long.parseLong(fields[1]))) {
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
