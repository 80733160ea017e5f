package dev.offload.core.image;

/**
 * The image a run's sandboxes start from (SPEC §13.4).
 *
 * @param id the provider's image id
 * @param runOnly built for this run alone on top of a base (a thin diff or a {@code post_patch_cmd} layer): nothing
 *     records it, so the run removes it at its end where the provider can (docker); the cached base stays
 */
public record PreparedImage(String id, boolean runOnly) {

    static PreparedImage kept(String id) {
        return new PreparedImage(id, false);
    }

    static PreparedImage runOnly(String id) {
        return new PreparedImage(id, true);
    }
}
