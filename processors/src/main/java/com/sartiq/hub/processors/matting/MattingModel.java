package com.sartiq.hub.processors.matting;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * One ONNX model with U2NET's contract (an NCHW float input, a saliency map as first output), held in one
 * {@link OrtSession} for the life of the process: creating a session for the 176 MB u2net costs seconds,
 * and {@code run} is thread-safe, so every worker thread shares it.
 *
 * <p>Threads: {@code intraOpThreads} sizes ONNX Runtime's pool for one inference (0 = one per physical
 * core, 1 = run on the caller's thread); with K concurrent callers keep K × threads ≤ cores. There is no
 * inter-op setting: the session runs in ONNX Runtime's default sequential mode, where the inter-op thread
 * count has no effect (it only parallelises graph branches in {@code ORT_PARALLEL} mode).
 */
public final class MattingModel implements AutoCloseable {

    static final String BUNDLED_DEMO = "models/u2net-demo.onnx";

    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private final OrtSession session;
    private final String inputName;
    private final String outputName;
    private final Description description;

    private MattingModel(OrtSession session, Description description) {
        this.session = session;
        // Not hard-coded: real u2net exports call their input "input.1", others differ; rembg takes the first too.
        this.inputName = session.getInputNames().iterator().next();
        this.outputName = session.getOutputNames().iterator().next();
        this.description = description;
    }

    /** Where a model came from, for the start-up log line. */
    public record Description(String source, long sizeBytes, String sha256) {
        @Override
        public String toString() {
            return source + " (" + sizeBytes + " bytes, sha256 " + sha256 + ")";
        }
    }

    public static MattingModel load(Path path) {
        return load(path, 0);
    }

    /** @throws MattingModelException naming {@code path} when it is missing, unreadable or not an ONNX model */
    public static MattingModel load(Path path, int intraOpThreads) {
        if (!Files.isRegularFile(path)) {
            throw new MattingModelException("matting model not found: " + path.toAbsolutePath());
        }
        Description description;
        try {
            description = new Description(path.toAbsolutePath().toString(), Files.size(path), sha256(path));
        } catch (IOException e) {
            throw new MattingModelException("matting model cannot be read: " + path.toAbsolutePath(), e);
        }
        // From the path, not from bytes: ONNX Runtime reads the file itself, sparing the heap a copy of 176 MB.
        return open(description, options -> ENV.createSession(path.toString(), options), intraOpThreads);
    }

    public static MattingModel loadBundledDemo() {
        return loadBundledDemo(0);
    }

    /** The project-made demo model on the classpath: separates plain subjects from plain backgrounds only. */
    public static MattingModel loadBundledDemo(int intraOpThreads) {
        byte[] model;
        try (InputStream in = MattingModel.class.getClassLoader().getResourceAsStream(BUNDLED_DEMO)) {
            if (in == null) {
                throw new MattingModelException("bundled demo model missing from the classpath: " + BUNDLED_DEMO);
            }
            model = in.readAllBytes();
        } catch (IOException e) {
            throw new MattingModelException("bundled demo model cannot be read: " + BUNDLED_DEMO, e);
        }
        Description description = new Description("bundled demo " + BUNDLED_DEMO, model.length, sha256(model));
        return open(description, options -> ENV.createSession(model, options), intraOpThreads);
    }

    private interface SessionFactory {
        OrtSession create(OrtSession.SessionOptions options) throws OrtException;
    }

    private static MattingModel open(Description description, SessionFactory factory, int intraOpThreads) {
        // Options are copied into the native session on creation, so they can be closed right away.
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            return new MattingModel(factory.create(options), description);
        } catch (OrtException e) {
            throw new MattingModelException("not a loadable ONNX model: " + description.source() + " (" + e.getMessage() + ")", e);
        }
    }

    public Description description() {
        return description;
    }

    /**
     * Runs the model on one NCHW input and returns channel 0 of its first output.
     *
     * @param input a direct, native-order buffer (wrapped without copying); not read after this returns
     * @param shape the input shape, e.g. {@code [1, 3, 320, 320]}
     */
    public SaliencyMap predict(FloatBuffer input, long[] shape) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(ENV, input, shape);
             OrtSession.Result result = session.run(Map.of(inputName, tensor), Set.of(outputName))) {
            // Only the first output is requested: U2NET's six side outputs would be copied out for nothing.
            OnnxTensor output = (OnnxTensor) result.get(0);
            long[] dims = output.getInfo().getShape();
            FloatBuffer values = output.getFloatBuffer();
            if (dims.length != 4 || values == null) {
                throw new MattingModelException(description.source() + ": first output is not a float32 [N, C, H, W] map");
            }
            int height = Math.toIntExact(dims[2]);
            int width = Math.toIntExact(dims[3]);
            float[] firstChannel = new float[width * height];
            values.get(firstChannel);
            return new SaliencyMap(width, height, firstChannel);
        } catch (OrtException e) {
            throw new MattingModelException("inference failed on " + description.source() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new MattingModelException("closing " + description.source() + " failed", e);
        }
    }

    private static String sha256(Path path) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
