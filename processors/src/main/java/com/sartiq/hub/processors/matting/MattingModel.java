package com.sartiq.hub.processors.matting;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

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
import java.util.OptionalInt;
import java.util.Set;

/**
 * One ONNX model with U2NET's contract (an NCHW float input, a saliency map as first output), held in one
 * {@link OrtSession} for the life of the process: creating a session for the 176 MB u2net costs seconds,
 * and {@code run} is thread-safe, so every worker thread shares it.
 *
 * <p>Threads ({@link Threads}): {@code intraOp} sizes ONNX Runtime's pool for one inference (0 = one per
 * physical core, 1 = run on the caller's thread); with K concurrent callers keep K × threads ≤ cores.
 * {@code interOp} above 1 switches the session to {@code ORT_PARALLEL} mode, where independent graph branches
 * run at once; in the default sequential mode the inter-op count has no effect. U2NET's graph is one chain of
 * blocks, so sequential is the right default.
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

    /**
     * Where a model came from, for the start-up log line. The MD5 is there because rembg publishes its models'
     * MD5s (u2net {@code 60024c5c889badc19c04ad937298a77b}), so an operator can check the file by eye.
     */
    public record Description(String source, long sizeBytes, String sha256, String md5) {
        @Override
        public String toString() {
            return source + " (" + sizeBytes + " bytes, sha256 " + sha256 + ", md5 " + md5 + ")";
        }
    }

    /**
     * ONNX Runtime thread pools of the session.
     *
     * @param intraOp threads for one inference: 0 = ONNX Runtime's default (one per physical core)
     * @param interOp 0 or 1 = sequential execution; above 1 = parallel execution with that many threads
     */
    public record Threads(int intraOp, int interOp) {
        public Threads {
            if (intraOp < 0 || interOp < 0) {
                throw new IllegalArgumentException("thread counts must not be negative");
            }
        }

        public static Threads intraOp(int intraOp) {
            return new Threads(intraOp, 0);
        }
    }

    public static MattingModel load(Path path) {
        return load(path, 0);
    }

    public static MattingModel load(Path path, int intraOpThreads) {
        return load(path, Threads.intraOp(intraOpThreads));
    }

    /** @throws MattingModelException naming {@code path} when it is missing, unreadable or not an ONNX model */
    public static MattingModel load(Path path, Threads threads) {
        if (!Files.isRegularFile(path)) {
            throw new MattingModelException("matting model not found: " + path.toAbsolutePath());
        }
        Description description;
        try {
            MessageDigest sha256 = digest("SHA-256");
            MessageDigest md5 = digest("MD5");
            try (InputStream in = new DigestInputStream(new DigestInputStream(Files.newInputStream(path), sha256), md5)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            description = new Description(path.toAbsolutePath().toString(), Files.size(path),
                    HexFormat.of().formatHex(sha256.digest()), HexFormat.of().formatHex(md5.digest()));
        } catch (IOException e) {
            throw new MattingModelException("matting model cannot be read: " + path.toAbsolutePath() + " (" + e.getMessage() + ")", e);
        }
        // From the path, not from bytes: ONNX Runtime reads the file itself, sparing the heap a copy of 176 MB.
        return open(description, options -> ENV.createSession(path.toString(), options), threads);
    }

    public static MattingModel loadBundledDemo() {
        return loadBundledDemo(0);
    }

    public static MattingModel loadBundledDemo(int intraOpThreads) {
        return loadBundledDemo(Threads.intraOp(intraOpThreads));
    }

    /** The project-made demo model on the classpath: separates plain subjects from plain backgrounds only. */
    public static MattingModel loadBundledDemo(Threads threads) {
        byte[] model;
        try (InputStream in = MattingModel.class.getClassLoader().getResourceAsStream(BUNDLED_DEMO)) {
            if (in == null) {
                throw new MattingModelException("bundled demo model missing from the classpath: " + BUNDLED_DEMO);
            }
            model = in.readAllBytes();
        } catch (IOException e) {
            throw new MattingModelException("bundled demo model cannot be read: " + BUNDLED_DEMO, e);
        }
        Description description = new Description("bundled demo " + BUNDLED_DEMO, model.length,
                HexFormat.of().formatHex(digest("SHA-256").digest(model)), HexFormat.of().formatHex(digest("MD5").digest(model)));
        return open(description, options -> ENV.createSession(model, options), threads);
    }

    private interface SessionFactory {
        OrtSession create(OrtSession.SessionOptions options) throws OrtException;
    }

    private static MattingModel open(Description description, SessionFactory factory, Threads threads) {
        // Options are copied into the native session on creation, so they can be closed right away.
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(threads.intraOp());
            if (threads.interOp() > 1) {
                options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.PARALLEL);
                options.setInterOpNumThreads(threads.interOp());
            }
            // Idle pool threads spinning for work would steal the cores the other workers are computing on.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            return new MattingModel(factory.create(options), description);
        } catch (OrtException e) {
            throw new MattingModelException("not a loadable ONNX model: " + description.source() + " (" + e.getMessage() + ")", e);
        }
    }

    public Description description() {
        return description;
    }

    /**
     * The side of the square input the graph declares, when it fixes one (u2net.onnx declares
     * {@code [1, 3, 320, 320]}); empty when height or width is dynamic or the input is not 4-dimensional.
     */
    public OptionalInt declaredInputSide() {
        try {
            if (session.getInputInfo().get(inputName).getInfo() instanceof TensorInfo info && info.getShape().length == 4) {
                long height = info.getShape()[2];
                long width = info.getShape()[3];
                if (height > 0 && height == width) {
                    return OptionalInt.of(Math.toIntExact(height));
                }
            }
            return OptionalInt.empty();
        } catch (OrtException e) {
            throw new MattingModelException("cannot read the input of " + description.source() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that this model can take {@code contract}'s input.
     *
     * @throws MattingModelException naming the model and both sizes when the graph fixes another input side
     */
    public void checkAccepts(ModelContract contract) {
        declaredInputSide().ifPresent(side -> {
            if (side != contract.size()) {
                throw new MattingModelException(description.source() + " takes " + side + "×" + side + " input, but the "
                        + contract.name() + " contract feeds " + contract.size() + "×" + contract.size()
                        + " (check hub.matting.model and hub.matting.input-size)");
            }
        });
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

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships " + algorithm, e);
        }
    }
}
