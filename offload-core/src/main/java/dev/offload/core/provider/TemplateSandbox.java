package dev.offload.core.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * One sandbox of the {@code default} provider (SPEC §8.6), known only by the id its create command printed. Each
 * operation fills a template with {@link ShellTemplate} (values quoted with {@link Shell#quote}) and runs it locally.
 */
final class TemplateSandbox implements Sandbox {
    private final String id;
    private final int slot;
    private final TemplateCommands commands;
    /** Runs the filled exec template on this machine, streamed, with the local provider's timeout and stop. */
    private final Sandbox localShell;

    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean destroyed = new AtomicBoolean();

    TemplateSandbox(String id, int slot, TemplateCommands commands, Sandbox localShell) {
        this.id = id;
        this.slot = slot;
        this.commands = commands;
        this.localShell = localShell;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int slot() {
        return slot;
    }

    @Override
    public String projectRoot() {
        return commands.projectRoot();
    }

    @Override
    public String runTempDir() {
        return commands.runTempDir();
    }

    @Override
    public ExecResult exec(ExecRequest request, OutputListener output) throws ProviderException, InterruptedException {
        if (request.stop().triggered()) {
            return new ExecResult(-1, false, true); // stopped before it started: the sandbox stays clean
        }
        var local = new ExecRequest(
                execText(inner(request)), ".", Map.of(), request.timeout(), Optional.empty(), request.stop());
        ExecResult result = localShell.exec(local, output);
        if (result.stopped() || result.timedOut()) {
            // Only the local exec process was signalled: what it started remotely may still run.
            stopped.set(true);
        }
        return result;
    }

    /** {@code cd q(dir) && K1=q(v1) … sh -c q(script)} (SPEC §8.6 {@code {command}}). */
    static String inner(ExecRequest request) {
        String assignments = request.env().entrySet().stream()
                .map(e -> e.getKey() + "=" + Shell.quote(e.getValue()) + " ")
                .collect(Collectors.joining());
        return "cd " + Shell.quote(request.workingDir()) + " && " + assignments + "sh -c "
                + Shell.quote(request.script());
    }

    private String execText(String command) {
        return ShellTemplate.fill(
                commands.exec(), Map.of("sandbox_id", Shell.quote(id), "command", Shell.quote(command)));
    }

    @Override
    public void download(List<Transfer> transfers) throws ProviderException, InterruptedException {
        for (Transfer transfer : transfers) {
            createParent(transfer.local());
        }
        if (commands.download().isPresent()) {
            downloadWithTemplate(commands.download().get(), transfers);
        } else {
            for (Transfer transfer : transfers) {
                downloadThroughExec(transfer);
            }
        }
    }

    private void downloadWithTemplate(String template, List<Transfer> transfers)
            throws ProviderException, InterruptedException {
        String paths = transfers.stream()
                .map(t -> Shell.quote(t.remote()) + ":"
                        + Shell.quote(t.local().toAbsolutePath().toString()))
                .collect(Collectors.joining(" "));
        String text = ShellTemplate.fill(
                template, Map.of("sandbox_id", Shell.quote(id), "paths", paths, "cpu_cores", commands.cores()));
        var done =
                LifecycleCommand.run("download command", text, commands.workingDir(), commands.timeout(), new byte[0]);
        if (done.exitCode() != 0) {
            throw new ProviderException(done.failure("download command"));
        }
        for (Transfer transfer : transfers) {
            if (!Files.isRegularFile(transfer.local())) {
                throw new ProviderException(id + ": download command did not write " + transfer.local());
            }
        }
    }

    /** Without a download template: {@code base64 q(path)} through the exec template, decoded here (SPEC §8.6). */
    private void downloadThroughExec(Transfer transfer) throws ProviderException, InterruptedException {
        String text = execText("base64 " + Shell.quote(transfer.remote()));
        var done = LifecycleCommand.run("exec command", text, commands.workingDir(), commands.timeout(), new byte[0]);
        if (done.exitCode() != 0) {
            throw new ProviderException(id + ": cannot download " + transfer.remote() + ": base64 through exec_command"
                    + " failed (exit " + done.exitCode() + "): " + done.stderrTail());
        }
        byte[] content;
        try {
            // GNU base64 wraps at 76 columns: the MIME decoder ignores line breaks.
            content = Base64.getMimeDecoder().decode(done.stdout());
        } catch (IllegalArgumentException e) {
            throw new ProviderException(id + ": cannot download " + transfer.remote() + ": exec output is not base64");
        }
        try {
            Files.write(transfer.local(), content);
        } catch (IOException e) {
            throw new ProviderException(id + ": cannot write " + transfer.local() + ": " + e.getMessage(), e);
        }
    }

    private static void createParent(Path local) throws ProviderException {
        try {
            Files.createDirectories(local.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new ProviderException("cannot create " + local.getParent() + ": " + e.getMessage(), e);
        }
    }

    /** Templates cannot signal the sandbox: the local exec stops, and the sandbox asks to be replaced. */
    @Override
    public void stop() {
        stopped.set(true);
        localShell.stop();
    }

    @Override
    public boolean needsReplacement() {
        return stopped.get();
    }

    /** Stops what this sandbox runs on this machine, before a provider-wide {@code destroy-many} removes it. */
    void stopLocally() throws InterruptedException {
        try {
            localShell.destroy();
        } catch (ProviderException e) {
            // A local shell only stops processes; it has nothing remote that could fail.
        }
    }

    /** Recorded after a provider-wide {@code destroy-many}: a later {@link #destroy} does nothing. */
    void markDestroyed() {
        destroyed.set(true);
    }

    /** Runs the destroy template once; a non-zero exit is a {@link ProviderException} the caller turns into a warning. */
    @Override
    public void destroy() throws ProviderException, InterruptedException {
        localShell.destroy();
        if (!destroyed.compareAndSet(false, true)) {
            return;
        }
        String text = ShellTemplate.fill(
                commands.destroy(), Map.of("sandbox_id", Shell.quote(id), "cpu_cores", commands.cores()));
        var done =
                LifecycleCommand.run("destroy command", text, commands.workingDir(), commands.timeout(), new byte[0]);
        if (done.exitCode() != 0) {
            throw new ProviderException(done.failure("destroy command"));
        }
    }
}
