package com.sartiq.hub.processors.matting;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.zip.Adler32;
import java.util.zip.Deflater;

/**
 * One zlib stream (RFC 1950) compressed in segments side by side, as pigz does: each segment is raw deflate
 * primed with the previous segment's last 32 KB as dictionary and ended with a sync flush (the last one with a
 * final block), so their concatenation is a single valid stream. A 1024² cut-out spends most of its encoding
 * time in deflate; split over the common pool it no longer sits on the single thread that runs inference.
 * Small inputs, or a machine without a spare core, take one segment on the caller's thread.
 */
final class ParallelDeflate {

    /** Below this many bytes per segment, handing work to another thread costs more than it saves. */
    static final int MIN_SEGMENT = 512 * 1024;
    private static final int WINDOW = 32 * 1024;

    private ParallelDeflate() {
    }

    static byte[] compress(byte[] data, int level) {
        return compress(data, level, Math.max(1, Math.min(ForkJoinPool.getCommonPoolParallelism() + 1, data.length / MIN_SEGMENT)));
    }

    /** @param segments how many pieces to compress concurrently (the caller's thread takes the last one) */
    static byte[] compress(byte[] data, int level, int segments) {
        int size = Math.max(1, (data.length + segments - 1) / segments);
        List<CompletableFuture<byte[]>> others = new ArrayList<>();
        int start = 0;
        while (start + size < data.length) {
            int from = start;
            others.add(CompletableFuture.supplyAsync(() -> segment(data, from, size, level, false)));
            start += size;
        }
        byte[] last = segment(data, start, data.length - start, level, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3 + 64);
        out.write(0x78);
        out.write(0x01); // deflate, 32 KB window, "fastest" level hint; header check bits make 0x7801 divisible by 31
        others.forEach(f -> out.writeBytes(f.join()));
        out.writeBytes(last);
        Adler32 adler = new Adler32();
        adler.update(data);
        long checksum = adler.getValue();
        out.write((int) (checksum >>> 24));
        out.write((int) (checksum >>> 16));
        out.write((int) (checksum >>> 8));
        out.write((int) checksum);
        return out.toByteArray();
    }

    private static byte[] segment(byte[] data, int offset, int length, int level, boolean last) {
        Deflater deflater = new Deflater(level, true);
        try {
            if (offset > 0) {
                int window = Math.min(WINDOW, offset);
                deflater.setDictionary(data, offset - window, window);
            }
            deflater.setInput(data, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(length / 3 + 64);
            byte[] buffer = new byte[64 * 1024];
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            } else {
                int n;
                do {
                    // a full buffer may leave flushed output behind: call again until one comes back short
                    n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                    out.write(buffer, 0, n);
                } while (n == buffer.length);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
