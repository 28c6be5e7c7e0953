package com.sartiq.hub.compute.fal;

import com.sartiq.hub.compute.config.ConditionalOnRole;
import com.sartiq.hub.compute.tasks.TaskFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * TRAINING on the {@code fal-training} queue. {@code fal.submit-training}: the dataset (a zip in our storage, or one
 * built from the task's images by {@code fal.training-dataset}), then the trainer's input with the zip's presigned
 * URL through {@code fal.submit} (slot, never-twice submit, webhook). Progress comes from fal's status logs while it
 * trains ({@code fal.check-status}); the LoRA weights and config are copied into our storage by {@code fal.collect}.
 */
@Component
@ConditionalOnRole("fal")
public class FalTrainingRoutes extends RouteBuilder {

    private final TrainingDataset dataset;

    public FalTrainingRoutes(TrainingDataset dataset) {
        this.dataset = dataset;
    }

    @Override
    public void configure() {
        from("direct:fal.submit-training").routeId("fal.submit-training").errorHandler(noErrorHandler())
            .bean(dataset, "plan")
            .filter(exchangeProperty(TrainingDataset.SOURCES).isNotNull())
                .to("direct:fal.training-dataset")
            .end()
            .setBody(method(dataset, "submitBody"))
            .to("direct:fal.submit");

        from("direct:fal.training-dataset").routeId("fal.training-dataset").errorHandler(noErrorHandler())
            .bean(dataset, "open")
            .doTry()
                .split(exchangeProperty(TrainingDataset.SOURCES)).stopOnException()
                    .process(e -> {
                        String key = e.getMessage().getBody(String.class);
                        e.getMessage().removeHeaders("*");
                        e.getMessage().setHeader(AWS2S3Constants.KEY, key);
                    })
                    .toD("aws2-s3://{{hub.storage.bucket}}?autoCreateBucket=false&operation=getObject")
                    .bean(dataset, "add")
                .end()
                .bean(dataset, "close")
                .to("direct:storage.put")
                .log("Task ${exchangeProperty.taskId}: training dataset of ${exchangeProperty.trainingEntries} images stored as "
                        + "${exchangeProperty.trainingDatasetKey}")
            .endDoTry()
            .doCatch(NoSuchKeyException.class)
                .process(e -> {
                    Throwable missing = e.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Throwable.class);
                    while (missing.getCause() != null && !(missing instanceof NoSuchKeyException)) {
                        missing = missing.getCause();
                    }
                    throw TaskFailedException.invalidInput("a source image is not in our storage ("
                            + ((NoSuchKeyException) missing).awsErrorDetails().errorMessage() + ")");
                })
            .doFinally()
                .bean(dataset, "cleanup")
            .end();
    }
}
