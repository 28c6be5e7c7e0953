package com.sartiq.hub.processors.matting;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelDeflateTest {

    @Test
    void segmentsJoinIntoOneZlibStreamThatInflatesToTheInput() throws DataFormatException {
        byte[] data = noisyWithRepeats(3 * 1024 * 1024 + 17);
        for (int segments : new int[] {1, 2, 3, 7}) {
            byte[] compressed = ParallelDeflate.compress(data, 1, segments);
            assertEquals(0, ((compressed[0] & 0xff) << 8 | compressed[1] & 0xff) % 31, "zlib header check");
            assertArrayEquals(data, inflate(compressed), segments + " segment(s)");
        }
    }

    @Test
    void theDictionaryKeepsMatchesAcrossSegmentBordersSoSplittingCostsLittle() {
        byte[] data = noisyWithRepeats(2 * 1024 * 1024);
        int whole = ParallelDeflate.compress(data, 1, 1).length;
        int split = ParallelDeflate.compress(data, 1, 4).length;
        assertTrue(split < whole * 1.01, "4 segments: " + split + " bytes, one: " + whole);
    }

    @Test
    void emptyAndTinyInputsAreValidStreams() throws DataFormatException {
        assertArrayEquals(new byte[0], inflate(ParallelDeflate.compress(new byte[0], 1)));
        assertArrayEquals(new byte[] {42}, inflate(ParallelDeflate.compress(new byte[] {42}, 1, 3)));
    }

    /** Random bytes where every other 4 KB block repeats an earlier one: matches that cross segment borders. */
    private static byte[] noisyWithRepeats(int length) {
        byte[] data = new byte[length];
        new Random(3).nextBytes(data);
        for (int block = 2; (block + 1) * 4096 <= length; block += 2) {
            System.arraycopy(data, (block - 1) * 4096, data, block * 4096, 4096);
        }
        return data;
    }

    private static byte[] inflate(byte[] compressed) throws DataFormatException {
        Inflater inflater = new Inflater();
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                throw new DataFormatException("stream ended early");
            }
            out.write(buffer, 0, n);
        }
        assertEquals(0, inflater.getRemaining(), "nothing after the Adler-32 trailer");
        inflater.end();
        return out.toByteArray();
    }
}
