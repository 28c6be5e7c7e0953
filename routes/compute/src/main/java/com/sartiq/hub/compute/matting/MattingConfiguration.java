package com.sartiq.hub.compute.matting;

import com.sartiq.hub.compute.config.ConditionalOnRole;
import com.sartiq.hub.processors.matting.BackgroundRemover;
import com.sartiq.hub.processors.matting.MattingModel;
import com.sartiq.hub.processors.matting.MattingModelException;
import com.sartiq.hub.processors.matting.ModelContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.List;

/**
 * Loads the matting model once per process, at start, and fails the start with a message naming the path
 * when it cannot: a compute VM without its model must not come up and fail every BACKGROUND_REMOVE task.
 * Every CPU worker shares the one session.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole("cpu")
@EnableConfigurationProperties({MattingProperties.class, FetchProperties.class})
public class MattingConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MattingConfiguration.class);

    @Bean
    public ModelContract modelContract(MattingProperties matting) {
        try {
            return ModelContract.named(matting.model())
                    .with(matting.inputSize(), triple("mean", matting.mean()), triple("std", matting.std()));
        } catch (IllegalArgumentException e) {
            throw new MattingModelException("hub.matting: " + e.getMessage(), e);
        }
    }

    @Bean(destroyMethod = "close")
    public MattingModel mattingModel(MattingProperties matting, ModelContract contract,
                                     @Value("${hub.workers.cpu.concurrency:2}") int cpuWorkers) {
        MattingModel.Threads threads = new MattingModel.Threads(intraOpThreads(matting, cpuWorkers), matting.interOpThreads());
        long start = System.nanoTime();
        MattingModel model;
        if (matting.demoModel()) {
            LOG.warn("hub.matting.demo-model=true: using the bundled demo model, which only separates plain subjects from plain backgrounds");
            model = MattingModel.loadBundledDemo(threads);
        } else if (matting.modelPath().isEmpty()) {
            throw new MattingModelException("hub.matting.model-path is empty: set it (HUB_MATTING_MODEL_PATH) to the "
                    + contract.name() + " ONNX file, or set hub.matting.demo-model=true (HUB_MATTING_DEMO_MODEL) for the bundled demo model");
        } else {
            model = MattingModel.load(Path.of(matting.modelPath()), threads);
        }
        try {
            model.checkAccepts(contract);
        } catch (MattingModelException e) {
            model.close();
            throw e;
        }
        LOG.info("Matting model loaded in {} ms: {}, contract {}, {} intra-op / {} inter-op threads, {} CPU workers",
                (System.nanoTime() - start) / 1_000_000, model.description(), contract, threads.intraOp(),
                Math.max(1, threads.interOp()), cpuWorkers);
        return model;
    }

    @Bean
    public BackgroundRemover backgroundRemover(MattingModel model, ModelContract contract, MattingProperties matting) {
        return new BackgroundRemover(model, contract, matting.maxPixels());
    }

    @Bean
    public ImageFetcher imageFetcher(FetchProperties limits) {
        return new ImageFetcher(limits);
    }

    /** Workers × threads = cores unless configured: more would only make the workers preempt each other. */
    static int intraOpThreads(MattingProperties matting, int cpuWorkers) {
        if (matting.intraOpThreads() > 0) {
            return matting.intraOpThreads();
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, cpuWorkers));
    }

    private static double[] triple(String key, List<Double> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() != 3) {
            throw new IllegalArgumentException(key + " needs three values (R, G, B), got " + values);
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
