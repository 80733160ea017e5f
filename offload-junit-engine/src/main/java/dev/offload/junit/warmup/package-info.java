/**
 * The test class the class-data-sharing warm-up JVM runs through the batch runner (issue 7, {@code JunitCds}); it needs
 * the project's junit-jupiter-api, which every Jupiter project has.
 */
package dev.offload.junit.warmup;
