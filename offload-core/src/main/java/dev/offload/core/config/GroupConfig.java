package dev.offload.core.config;

/** One {@code [groups.NAME]} table (SPEC §4.8). */
public record GroupConfig(String name, int retryCount, String filters, boolean scheduleIndividual) {}
