package dev.offload.core.provider;

/** Receives a running script's output, one line at a time, as it arrives. Called from reader threads. */
public interface OutputListener {
    void stdout(String line);

    void stderr(String line);

    OutputListener DISCARD = new OutputListener() {
        @Override
        public void stdout(String line) {}

        @Override
        public void stderr(String line) {}
    };
}
