package dev.offload.core.provider.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.time.Duration;
import java.util.Optional;

/** Opens a docker-java client on the Engine API at {@code docker_host}, else {@code DOCKER_HOST}, else the socket. */
public final class DockerClients {
    private static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private DockerClients() {}

    public static DockerClient open(Optional<String> dockerHost) {
        String host = dockerHost
                .or(() -> Optional.ofNullable(System.getenv("DOCKER_HOST")).filter(h -> !h.isBlank()))
                .orElse(DEFAULT_HOST);
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                // One connection per streaming exec plus the short calls around it: a pool of 200 sandboxes needs room.
                .maxConnections(512)
                .connectionTimeout(Duration.ofSeconds(10))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** Whether a daemon answers at the configured endpoint; for tests and the build's skip checks. */
    public static boolean available(Optional<String> dockerHost) {
        try (DockerClient client = open(dockerHost)) {
            client.pingCmd().exec();
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
