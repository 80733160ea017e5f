package dev.offload.core.config;

/** The {@code [provider]} part of {@link InitTemplate}. */
final class InitProviderBlocks {
    private InitProviderBlocks() {}

    static String render(String provider, String framework) {
        return switch (provider) {
            case "local" -> """
                    [provider]
                    # Batches run as child processes on this machine: <shell> -c <script>.
                    type = "local"
                    shell = "/bin/sh"

                    """;
            case "default" -> """
                    [provider]
                    # Shell command templates run on this machine with 'sh -c'. @docker_sandbox.sh is a bundled
                    # helper using the docker CLI (base image: OFFLOAD_DOCKER_IMAGE, else python:3.11-slim);
                    # replace these templates with your own commands for other sandboxes.
                    type = "default"
                    prepare_command = "@docker_sandbox.sh prepare --include-cwd --context-dir=. --sandbox-project-root=/app"
                    create_command = "@docker_sandbox.sh create {image_id} --cpu {cpu_cores}"
                    exec_command = "@docker_sandbox.sh exec {sandbox_id} {command}"
                    destroy_command = "@docker_sandbox.sh destroy {sandbox_id}"
                    download_command = "@docker_sandbox.sh download {sandbox_id} {paths}"
                    timeout_secs = 3600

                    """;
            case "modal" -> """
                    [provider]
                    # Modal sandboxes; without a dockerfile the image is a slim Debian with Python 3.11 and pytest.
                    type = "modal"
                    # dockerfile = "Dockerfile"
                    include_cwd = true
                    cpu_cores = 0.125

                    """;
            case "docker" -> """
                    [provider]
                    # One container per sandbox through the Docker Engine API.
                    type = "docker"
                    image = "%s"
                    include_cwd = true
                    network = "none"
                    cpu_cores = 1.0

                    """.formatted(dockerImage(framework));
            case "ssh" -> """
                    [provider]
                    # A pool of SSH hosts; replace the example host with yours ("[user@]host[:port]").
                    type = "ssh"
                    hosts = ["ci@build-host-1"]
                    slots_per_host = 1
                    remote_dir = "/tmp/offload"

                    """;
            default -> throw new IllegalArgumentException(provider);
        };
    }

    private static String dockerImage(String framework) {
        return switch (framework) {
            case "pytest" -> "python:3.11-slim";
            case "nextest" -> "rust:1-slim";
            case "vitest" -> "node:20-slim";
            case "junit" -> "eclipse-temurin:17-jdk";
            default -> "debian:bookworm-slim";
        };
    }
}
