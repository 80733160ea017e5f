package dev.offload.core.run;

import dev.offload.core.provider.OutputListener;
import dev.offload.core.provider.ProviderException;
import dev.offload.core.provider.Sandbox;
import java.util.List;

/** A sandbox that passes every call to a real one; test wrappers override the calls they inject faults or delays into. */
abstract class ForwardingSandbox implements Sandbox {
    protected final Sandbox sandbox;

    ForwardingSandbox(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public String id() {
        return sandbox.id();
    }

    @Override
    public int slot() {
        return sandbox.slot();
    }

    @Override
    public String projectRoot() {
        return sandbox.projectRoot();
    }

    @Override
    public String runTempDir() {
        return sandbox.runTempDir();
    }

    @Override
    public ExecResult exec(ExecRequest request, OutputListener output) throws ProviderException, InterruptedException {
        return sandbox.exec(request, output);
    }

    @Override
    public void download(List<Transfer> transfers) throws ProviderException, InterruptedException {
        sandbox.download(transfers);
    }

    @Override
    public void stop() {
        sandbox.stop();
    }

    @Override
    public void destroy() throws ProviderException, InterruptedException {
        sandbox.destroy();
    }
}
