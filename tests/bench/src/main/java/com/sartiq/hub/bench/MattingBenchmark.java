package com.sartiq.hub.bench;

import com.sartiq.hub.processors.matting.BackgroundRemover;
import com.sartiq.hub.processors.matting.MattingModel;
import com.sartiq.hub.processors.matting.MattingOptions;
import com.sartiq.hub.processors.matting.MattingResult;
import com.sartiq.hub.processors.matting.ModelContract;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * Timed driver for the matting pipeline on a U2NET-sized graph (see {@code tests/bench/matting.sh}): per 1024²
 * JPEG the median time of each stage through {@link BackgroundRemover} (the production entry point, nothing
 * re-implemented here), the hub's overhead share, and images/s with 1 and 2 concurrent workers sharing one session.
 *
 * <p>Arguments: model file, [runs per measurement, default 30], [seconds per throughput run, default 20].
 */
public final class MattingBenchmark {

    private static final int SIDE = 1024;
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        Path modelFile = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int cores = Runtime.getRuntime().availableProcessors();
        byte[] jpeg = jpeg(garmentOnTexture(SIDE, SIDE), 0.9f);
        System.out.printf("input: %d×%d JPEG, %d bytes; cores: %d; JVM %s; load average at start %.1f%n", SIDE, SIDE,
                jpeg.length, cores, System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        try (MattingModel model = MattingModel.load(modelFile, new MattingModel.Threads(1, 1))) {
            byte[] mask = new BackgroundRemover(model, ModelContract.U2NETP, 1L << 26).removeBackground(jpeg).mask();
            long visible = 0;
            long sum = 0;
            for (byte m : mask) {
                visible += m != 0 ? 1 : 0;
                sum += m & 0xff;
            }
            System.out.printf("random-weight mask: %.0f %% of pixels visible, mean alpha %.0f%n", 100.0 * visible / mask.length,
                    (double) sum / mask.length);
        }
        System.out.println();
        System.out.println("| intra-op threads | decode | pre-process | OrtSession.run | post-process | PNG encode | total | overhead | CPU per image |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int threads : distinct(1, cores)) {
            try (MattingModel model = MattingModel.load(modelFile, new MattingModel.Threads(threads, 1))) {
                BackgroundRemover remover = new BackgroundRemover(model, ModelContract.U2NETP, 1L << 26);
                stages(remover, jpeg, runs, threads);
            }
        }

        System.out.println();
        System.out.println("| workers | intra-op threads each | images/s | ms per image per worker |");
        System.out.println("|---|---|---|---|");
        for (int workers : new int[] {1, 2}) {
            int threads = Math.max(1, cores / workers);
            try (MattingModel model = MattingModel.load(modelFile, new MattingModel.Threads(threads, 1))) {
                BackgroundRemover remover = new BackgroundRemover(model, ModelContract.U2NETP, 1L << 26);
                throughput(remover, jpeg, workers, threads, seconds);
            }
        }

        System.out.println();
        outputVariants(modelFile, jpeg, runs);
    }

    private static void stages(BackgroundRemover remover, byte[] jpeg, int runs, int threads) {
        List<MattingResult.StageTimes> times = new ArrayList<>();
        for (int i = 0; i < runs / 3 + 3; i++) {
            remover.removeBackground(jpeg); // warm-up: JIT, ONNX Runtime's arena
        }
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long before = PROCESS.getProcessCpuTime();
            times.add(remover.removeBackground(jpeg).times());
            cpu[i] = PROCESS.getProcessCpuTime() - before;
        }
        Arrays.sort(cpu);
        long decode = median(times, MattingResult.StageTimes::decode);
        long pre = median(times, MattingResult.StageTimes::preprocess);
        long run = median(times, MattingResult.StageTimes::inference);
        long post = median(times, MattingResult.StageTimes::postprocess);
        long encode = median(times, MattingResult.StageTimes::encode);
        long total = median(times, MattingResult.StageTimes::total);
        long overhead = median(times, MattingResult.StageTimes::overhead);
        // The process's CPU time over one image (inference threads, the PNG encoder's deflate segments, GC) is its
        // whole cost, unaffected by other processes competing for the cores (wall times are).
        String cpuPerImage = ms(cpu[runs / 2]);
        System.out.printf("| %d | %s | %s | %s | %s | %s | %s | %s (%.0f %%) | %s |%n", threads, ms(decode), ms(pre), ms(run),
                ms(post), ms(encode), ms(total), ms(overhead), 100.0 * overhead / total, cpuPerImage);
    }

    private static void throughput(BackgroundRemover remover, byte[] jpeg, int workers, int threads, int seconds) throws Exception {
        for (int i = 0; i < 5; i++) {
            remover.removeBackground(jpeg);
        }
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch finished = new CountDownLatch(workers);
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    remover.removeBackground(jpeg);
                    done.incrementAndGet();
                }
                finished.countDown();
            }, "bench-worker-" + w);
            worker.start();
        }
        finished.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double rate = done.get() / elapsed;
        System.out.printf("| %d | %d | %.2f | %.0f |%n", workers, threads, rate, 1000.0 * workers / rate);
    }

    /** The other outputs and options cost only post-processing and encoding; shown for the record. */
    private static void outputVariants(Path modelFile, byte[] jpeg, int runs) throws IOException {
        byte[] background = jpeg(garmentOnTexture(800, 1200), 0.85f);
        List<Object[]> variants = List.of(
                new Object[] {"cut-out (default)", MattingOptions.cutout()},
                new Object[] {"mask", new MattingOptions(MattingOptions.Output.MASK, null, null, false, 0, false)},
                new Object[] {"composite on colour", new MattingOptions(MattingOptions.Output.COMPOSITE, 0xffffff, null, false, 0, false)},
                new Object[] {"composite on 800×1200 JPEG", new MattingOptions(MattingOptions.Output.COMPOSITE, null, background, false, 0, false)},
                new Object[] {"cut-out, crop + refine edges", new MattingOptions(MattingOptions.Output.CUTOUT, null, null, true, 16, true)});
        System.out.println("| output (1 intra-op thread) | decode | post-process | PNG encode | PNG bytes |");
        System.out.println("|---|---|---|---|---|");
        try (MattingModel model = MattingModel.load(modelFile, new MattingModel.Threads(1, 1))) {
            BackgroundRemover remover = new BackgroundRemover(model, ModelContract.U2NETP, 1L << 26);
            for (Object[] variant : variants) {
                MattingOptions options = (MattingOptions) variant[1];
                List<MattingResult.StageTimes> times = new ArrayList<>();
                int bytes = 0;
                for (int i = 0; i < Math.max(5, runs / 3) + 3; i++) {
                    MattingResult result = remover.removeBackground(jpeg, options);
                    if (i >= 3) {
                        times.add(result.times());
                    }
                    bytes = result.png().length;
                }
                System.out.printf("| %s | %s | %s | %s | %d |%n", variant[0], ms(median(times, MattingResult.StageTimes::decode)),
                        ms(median(times, MattingResult.StageTimes::postprocess)), ms(median(times, MattingResult.StageTimes::encode)), bytes);
            }
        }
    }

    private static int[] distinct(int a, int b) {
        return a == b ? new int[] {a} : new int[] {a, b};
    }

    private static long median(List<MattingResult.StageTimes> times, ToLongFunction<MattingResult.StageTimes> stage) {
        long[] values = times.stream().mapToLong(stage).sorted().toArray();
        return values[values.length / 2];
    }

    private static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

    /** A garment-like silhouette on a photographic-ish background: gradient, texture, noise (JPEG-realistic size). */
    static BufferedImage garmentOnTexture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(210, 205, 195), width, height, new Color(150, 160, 170)));
        g.fillRect(0, 0, width, height);
        Random random = new Random(7);
        g.setStroke(new BasicStroke(2f));
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(120 + random.nextInt(100), 120 + random.nextInt(100), 120 + random.nextInt(100), 60));
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            g.drawLine(x, y, x + random.nextInt(80) - 40, y + random.nextInt(80) - 40);
        }
        Path2D shirt = new Path2D.Double();
        double w = width;
        double h = height;
        shirt.moveTo(0.35 * w, 0.15 * h);
        shirt.lineTo(0.65 * w, 0.15 * h);
        shirt.lineTo(0.85 * w, 0.30 * h);
        shirt.lineTo(0.75 * w, 0.40 * h);
        shirt.lineTo(0.68 * w, 0.34 * h);
        shirt.lineTo(0.68 * w, 0.85 * h);
        shirt.lineTo(0.32 * w, 0.85 * h);
        shirt.lineTo(0.32 * w, 0.34 * h);
        shirt.lineTo(0.25 * w, 0.40 * h);
        shirt.lineTo(0.15 * w, 0.30 * h);
        shirt.closePath();
        g.setPaint(new GradientPaint(0, (float) (0.15 * h), new Color(40, 70, 150), 0, (float) (0.85 * h), new Color(20, 40, 100)));
        g.fill(shirt);
        g.dispose();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int n = random.nextInt(13) - 6;
                int r = clamp(((row[x] >> 16) & 0xff) + n);
                int gg = clamp(((row[x] >> 8) & 0xff) + n);
                int b = clamp((row[x] & 0xff) + n);
                row[x] = r << 16 | gg << 8 | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private MattingBenchmark() {
    }
}
