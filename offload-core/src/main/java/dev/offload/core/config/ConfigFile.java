package dev.offload.core.config;

import java.nio.file.Path;

/**
 * The file being loaded: {@code shownName} is the path as the user gave it and starts every message; {@code
 * path} is absolute and {@code dir} (the config directory) anchors every relative local path (SPEC §4.1).
 */
record ConfigFile(String shownName, Path path, Path dir) {

    static ConfigFile of(Path given) {
        Path absolute = given.toAbsolutePath().normalize();
        return new ConfigFile(given.toString(), absolute, absolute.getParent());
    }

    /** {@code <file>: <message>} for problems not tied to a value. */
    ConfigException error(String message) {
        return new ConfigException(shownName + ": " + message);
    }

    /** {@code <file>:<line>:<column>: <dotted.key>: <message>} for a problem with one value. */
    ConfigException error(Node node, String message) {
        return new ConfigException(at(node) + node.key() + ": " + message);
    }

    /** {@code <file>:<line>:<column>: } of a node. */
    String at(Node node) {
        return shownName + ":" + node.line() + ":" + node.column() + ": ";
    }

    /** A local path from the file, resolved against the config directory. */
    String resolve(String localPath) {
        return dir.resolve(localPath).normalize().toString();
    }
}
