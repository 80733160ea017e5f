/** In-sandbox batch runner and discovery entry point (SPEC §7.3); uses only the JDK and the JUnit Platform Launcher. */
package dev.offload.junit.runner;
