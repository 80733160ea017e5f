/**
 * Test classes the engine tests mirror and run; named {@code *Sample} so the module's own Surefire run never picks
 * them up (some fail on purpose).
 */
package dev.offload.junit.engine.samples;
