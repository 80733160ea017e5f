/**
 * The JUnit Platform engine {@code offload} (SPEC §16): mirrors the tests other engines discover and runs them in
 * Offload's sandboxes, replaying every result to the outer launcher (Surefire, Failsafe, an IDE).
 */
package dev.offload.junit.engine;
