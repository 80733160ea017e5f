package dev.offload.core.provider;

public final class BatchScript {
    private BatchScript() {}

    public static String wrap(String frameworkScript, String resultDir, int batchNumber) {
        throw new UnsupportedOperationException();
    }
}
