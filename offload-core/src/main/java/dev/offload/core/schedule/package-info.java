/**
 * Scheduling decisions (SPEC §9, §14): per-test duration estimates, LPT batching with the id-length cap, queue
 * order, hedge selection and CI shards. Everything here is pure and deterministic: no I/O, no threads, no clocks;
 * the orchestrator in {@code dev.offload.core.run} feeds in the facts and acts on the answers.
 */
package dev.offload.core.schedule;
