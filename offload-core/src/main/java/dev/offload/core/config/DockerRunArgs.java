package dev.offload.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The docker provider's {@code run_args} (SPEC §8.8) parsed into the container options they stand for. Only the
 * options with a create-time equivalent are accepted: {@code -v}/{@code --volume}, {@code --add-host}, {@code
 * --privileged}, {@code --shm-size} and {@code -e}/{@code --env}. Each entry is one argument, except that an option
 * and its value may share one entry ({@code "-v /a:/b"}); a value may also follow as the next entry or after {@code =}.
 *
 * @param binds {@code -v} values, {@code host:container[:mode]}
 * @param extraHosts {@code --add-host} values, {@code name:address}
 * @param env {@code -e} values, {@code KEY=VALUE}
 * @param shmSizeBytes {@code --shm-size} in bytes
 */
public record DockerRunArgs(
        List<String> binds,
        List<String> extraHosts,
        boolean privileged,
        Optional<Long> shmSizeBytes,
        List<String> env) {

    public DockerRunArgs {
        binds = List.copyOf(binds);
        extraHosts = List.copyOf(extraHosts);
        env = List.copyOf(env);
    }

    /**
     * @throws IllegalArgumentException naming the option that has no create-time equivalent or lacks its value
     */
    public static DockerRunArgs parse(List<String> runArgs) {
        List<String> words = new ArrayList<>();
        for (String arg : runArgs) {
            String trimmed = arg.strip();
            int space = trimmed.indexOf(' ');
            if (trimmed.startsWith("-") && space > 0 && trimmed.lastIndexOf('=', space) < 0) {
                words.add(trimmed.substring(0, space)); // "-v /a:/b" in one entry: option, then its value
                words.add(trimmed.substring(space + 1).strip());
            } else {
                words.add(arg);
            }
        }
        List<String> binds = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        List<String> env = new ArrayList<>();
        boolean privileged = false;
        Optional<Long> shm = Optional.empty();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            int eq = word.indexOf('=');
            String option = word.startsWith("--") && eq > 0 ? word.substring(0, eq) : word;
            Optional<String> inline = option.equals(word) ? Optional.empty() : Optional.of(word.substring(eq + 1));
            switch (option) {
                case "--privileged" -> privileged = true;
                case "-v", "--volume", "--add-host", "-e", "--env", "--shm-size" -> {
                    String value;
                    if (inline.isPresent()) {
                        value = inline.get();
                    } else if (i + 1 < words.size()) {
                        value = words.get(++i);
                    } else {
                        throw new IllegalArgumentException("option '" + option + "' needs a value");
                    }
                    switch (option) {
                        case "-v", "--volume" -> binds.add(value);
                        case "--add-host" -> hosts.add(value);
                        case "--shm-size" -> shm = Optional.of(bytes(value));
                        default -> env.add(value);
                    }
                }
                default ->
                    throw new IllegalArgumentException("unsupported option '" + option
                            + "' (supported: -v, --volume, --add-host, --privileged, --shm-size, -e, --env)");
            }
        }
        return new DockerRunArgs(binds, hosts, privileged, shm, env);
    }

    /** Docker's size syntax: a number with an optional b, k, m or g suffix. */
    private static long bytes(String size) {
        String text = size.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
        switch (last) {
            case 'b' -> text = text.substring(0, text.length() - 1);
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            default -> {}
        }
        if (unit > 1) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            return Long.parseLong(text) * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shm-size '" + size + "' is not a size (e.g. 512m, 2g)");
        }
    }
}
