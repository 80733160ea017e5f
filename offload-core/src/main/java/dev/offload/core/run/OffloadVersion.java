package dev.offload.core.run;

/** Offload's version, from the jar manifest ({@code Implementation-Version}); {@code dev} when run from classes. */
public final class OffloadVersion {
    private OffloadVersion() {}

    public static String get() {
        String version = OffloadVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
