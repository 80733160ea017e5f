package dev.offload.cli;

/** Entry point of the {@code offload} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("offload 0.1.0-SNAPSHOT");
    }
}
