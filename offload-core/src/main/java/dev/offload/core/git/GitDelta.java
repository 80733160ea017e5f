package dev.offload.core.git;

import java.io.ByteArrayOutputStream;

/** Applies git's binary delta format (the {@code delta} hunks of a binary patch) to the old content. */
final class GitDelta {
    private GitDelta() {}

    static byte[] apply(byte[] source, byte[] delta) throws PatchException {
        int[] pos = {0};
        long sourceSize = varint(delta, pos);
        long targetSize = varint(delta, pos);
        if (sourceSize != source.length) {
            throw new PatchException(
                    "binary delta expects " + sourceSize + " bytes of old content, found " + source.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) targetSize);
        int i = pos[0];
        while (i < delta.length) {
            int op = delta[i++] & 0xff;
            if ((op & 0x80) != 0) {
                long offset = 0;
                long size = 0;
                for (int bit = 0; bit < 4; bit++) {
                    if ((op & (1 << bit)) != 0) {
                        offset |= (long) (delta[i++] & 0xff) << (8 * bit);
                    }
                }
                for (int bit = 0; bit < 3; bit++) {
                    if ((op & (0x10 << bit)) != 0) {
                        size |= (long) (delta[i++] & 0xff) << (8 * bit);
                    }
                }
                if (size == 0) {
                    size = 0x10000;
                }
                if (offset + size > source.length) {
                    throw new PatchException("binary delta copies beyond the old content");
                }
                out.write(source, (int) offset, (int) size);
            } else if (op != 0) {
                if (i + op > delta.length) {
                    throw new PatchException("binary delta inserts beyond its end");
                }
                out.write(delta, i, op);
                i += op;
            } else {
                throw new PatchException("binary delta has a reserved opcode");
            }
        }
        if (out.size() != targetSize) {
            throw new PatchException("binary delta produced " + out.size() + " bytes, expected " + targetSize);
        }
        return out.toByteArray();
    }

    private static long varint(byte[] data, int[] pos) throws PatchException {
        long value = 0;
        int shift = 0;
        while (true) {
            if (pos[0] >= data.length) {
                throw new PatchException("truncated binary delta header");
            }
            int b = data[pos[0]++] & 0xff;
            value |= (long) (b & 0x7f) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }
}
