package dev.offload.core.provider.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.offload.core.provider.OutputListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Receives an exec's multiplexed output frames and hands complete lines to the listener, stdout and stderr kept apart.
 * A frame may end mid-line, so each stream keeps its unfinished line until the next newline or the end.
 */
final class ExecOutput extends ResultCallback.Adapter<Frame> {
    private final OutputListener listener;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    ExecOutput(OutputListener listener) {
        this.listener = listener;
    }

    /** Completes when the exec's output has ended (its process exited) or the stream failed. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    @Override
    public void onNext(Frame frame) {
        boolean isErr = frame.getStreamType() == StreamType.STDERR;
        ByteArrayOutputStream buffer = isErr ? err : out;
        synchronized (buffer) {
            for (byte b : frame.getPayload()) {
                if (b == '\n') {
                    emit(buffer, isErr);
                } else {
                    buffer.write(b);
                }
            }
        }
    }

    @Override
    public void onComplete() {
        flush();
        super.onComplete();
        ended.complete(null);
    }

    @Override
    public void onError(Throwable throwable) {
        flush();
        ended.completeExceptionally(throwable);
        super.onError(throwable);
    }

    private void flush() {
        synchronized (out) {
            if (out.size() > 0) {
                emit(out, false);
            }
        }
        synchronized (err) {
            if (err.size() > 0) {
                emit(err, true);
            }
        }
    }

    private void emit(ByteArrayOutputStream buffer, boolean isErr) {
        String line = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (isErr) {
            listener.stderr(line);
        } else {
            listener.stdout(line);
        }
    }
}
