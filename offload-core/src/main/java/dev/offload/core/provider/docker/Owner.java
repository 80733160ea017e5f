package dev.offload.core.provider.docker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code dev.offload.owner} label value {@code <user>@<host>:<pid>}: which process on which machine owns a
 * container, so that a later run can tell a dead run's containers from a live one's (SPEC §8.8).
 */
record Owner(String user, String host, long pid) {

    static Owner current() {
        return new Owner(
                System.getProperty("user.name", "unknown"),
                hostName(),
                ProcessHandle.current().pid());
    }

    String label() {
        return user + "@" + host + ":" + pid;
    }

    static Optional<Owner> parse(String label) {
        int at = label.indexOf('@');
        int colon = label.lastIndexOf(':');
        if (at < 0 || colon < at) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Owner(
                    label.substring(0, at),
                    label.substring(at + 1, colon),
                    Long.parseLong(label.substring(colon + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether this owner is a process of this machine that no longer runs. Other machines' runs are never judged. */
    boolean isDeadLocalProcess() {
        return host.equals(hostName())
                && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    private static String hostName() {
        try {
            String name = Files.readString(Path.of("/etc/hostname")).trim();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (Exception e) {
            // not Linux, or unreadable: ask the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
