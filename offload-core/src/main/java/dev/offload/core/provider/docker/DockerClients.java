package dev.offload.core.provider.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.offload.core.provider.ProviderException;
import java.time.Duration;
import java.util.Optional;

/** Opens a docker-java client on the Engine API at {@code docker_host}, else {@code DOCKER_HOST}, else the socket. */
public final class DockerClients {
    private static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private DockerClients() {}

    /**
     * A client whose daemon answered a ping.
     *
     * @throws ProviderException naming the endpoint and what to do, when nothing answers
     */
    public static DockerClient connect(Optional<String> dockerHost) throws ProviderException {
        DockerClient client = open(dockerHost);
        try {
            client.pingCmd().exec();
            return client;
        } catch (RuntimeException e) {
            try {
                client.close();
            } catch (java.io.IOException ignored) {
                // nothing was opened
            }
            throw ProviderException.permanent("cannot reach the docker daemon at " + endpoint(dockerHost) + " ("
                    + e.getMessage() + "); start dockerd or set [provider] docker_host");
        }
    }

    private static String endpoint(Optional<String> dockerHost) {
        return dockerHost
                .or(() -> Optional.ofNullable(System.getenv("DOCKER_HOST")).filter(h -> !h.isBlank()))
                .orElse(DEFAULT_HOST);
    }

    public static DockerClient open(Optional<String> dockerHost) {
        String host = endpoint(dockerHost);
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
}
