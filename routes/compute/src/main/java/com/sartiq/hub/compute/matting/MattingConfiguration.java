package com.sartiq.hub.compute.matting;

import com.sartiq.hub.compute.config.ConditionalOnRole;
import com.sartiq.hub.processors.matting.BackgroundRemover;
import com.sartiq.hub.processors.matting.MattingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the U2NET model once per process; every CPU worker shares the one session. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole("cpu")
@EnableConfigurationProperties({MattingProperties.class, FetchProperties.class})
public class MattingConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MattingConfiguration.class);

    @Bean(destroyMethod = "close")
    public MattingModel mattingModel(MattingProperties matting) throws Exception {
        MattingModel model;
        if (!matting.modelPath().isEmpty() && Files.isRegularFile(Path.of(matting.modelPath()))) {
            model = MattingModel.load(Path.of(matting.modelPath()), matting.intraOpThreads());
        } else {
            if (!matting.modelPath().isEmpty()) {
                LOG.warn("hub.matting.model-path {} does not exist: using the bundled demo model, which only separates plain backgrounds",
                        matting.modelPath());
            }
            model = MattingModel.loadBundledDemo(matting.intraOpThreads());
        }
        LOG.info("Matting model loaded: {}", model.description());
        return model;
    }

    @Bean
    public BackgroundRemover backgroundRemover(MattingModel model) {
        return new BackgroundRemover(model);
    }

    @Bean
    public ImageFetcher imageFetcher(FetchProperties limits) {
        return new ImageFetcher(limits);
    }
}
