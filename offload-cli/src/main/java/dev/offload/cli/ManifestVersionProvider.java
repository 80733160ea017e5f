package dev.offload.cli;

import java.util.Optional;
import picocli.CommandLine.IVersionProvider;

/** {@code offload <version>} from the runnable jar's manifest ({@code Implementation-Version}). */
final class ManifestVersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"offload " + version()};
    }

    /** The version, or {@code unknown} when running from classes rather than the built jar. */
    static String version() {
        return Optional.ofNullable(Main.class.getPackage().getImplementationVersion())
                .orElse("unknown");
    }
}
