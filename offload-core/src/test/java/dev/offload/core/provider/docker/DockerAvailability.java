package dev.offload.core.provider.docker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Optional;

/**
 * Tests that need the real docker daemon and the base image of {@code .ci/docker-setup.sh} skip with a visible message
 * where either is missing, except under {@code CI=true}, where {@code .ci/run} provides both and their absence fails
 * the test (SPEC §3.3).
 */
public final class DockerAvailability {
    /** The image {@code .ci/docker-setup.sh} imports from a debootstrap root filesystem: python3, pytest, git. */
    public static final String BASE_IMAGE =
            Optional.ofNullable(System.getenv("OFFLOAD_TEST_IMAGE")).orElse("offload-test-base:bookworm");

    private DockerAvailability() {}

    public static void require() {
        String missing = missing();
        if (missing == null) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(missing + ", but CI=true: .ci/run must run .ci/docker-setup.sh");
        }
        System.err.println("SKIPPED: " + missing + " (run .ci/docker-setup.sh)");
        assumeTrue(false, missing);
    }

    private static String missing() {
        try (DockerClient client = DockerClients.open(Optional.empty())) {
            try {
                client.pingCmd().exec();
            } catch (RuntimeException e) {
                return "no docker daemon answers (" + e.getMessage() + ")";
            }
            try {
                client.inspectImageCmd(BASE_IMAGE).exec();
            } catch (NotFoundException e) {
                return "docker image " + BASE_IMAGE + " is missing";
            }
            return null;
        } catch (Exception e) {
            return "docker is not usable: " + e.getMessage();
        }
    }
}
