package dev.offload.junit.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/** The launcher the runner uses, and small helpers shared by {@link Discovery} and {@link BatchRunner}. */
final class Launchers {
    private Launchers() {}

    /**
     * A launcher with every engine on the class path except Offload's own: the offload-junit-engine jar is on the
     * sandbox class path for this runner, and its engine would need classes a sandbox does not have. Engines are picked
     * by provider type, so ours is never even instantiated.
     */
    static Launcher create() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<TestEngine> engines = new ArrayList<>();
        ServiceLoader.load(TestEngine.class, loader == null ? Launchers.class.getClassLoader() : loader).stream()
                .filter(provider -> !provider.type().getName().startsWith("dev.offload."))
                .forEach(provider -> engines.add(provider.get()));
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .addTestEngines(engines.toArray(TestEngine[]::new))
                .build());
    }

    /** The class a source names: the method's or the class's own; empty for other sources. */
    static Optional<String> className(Optional<TestSource> source) {
        if (source.isEmpty()) {
            return Optional.empty();
        }
        if (source.get() instanceof MethodSource method) {
            return Optional.of(method.getClassName());
        }
        if (source.get() instanceof ClassSource type) {
            return Optional.of(type.getClassName());
        }
        return Optional.empty();
    }

    /** A short text for a source: {@code class:X}, {@code method:X#m(int)}, else the source's own text. */
    static String describe(Optional<TestSource> source) {
        if (source.isEmpty()) {
            return null;
        }
        if (source.get() instanceof MethodSource method) {
            return "method:" + method.getClassName() + "#" + method.getMethodName() + "("
                    + method.getMethodParameterTypes() + ")";
        }
        if (source.get() instanceof ClassSource type) {
            return "class:" + type.getClassName();
        }
        return source.get().toString();
    }
}
