package com.sartiq.hub.compute.matting;

import com.sartiq.hub.compute.config.ConditionalOnRole;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.common.storage.StorageProperties;
import com.sartiq.hub.compute.tasks.TaskFailedException;
import com.sartiq.hub.compute.tasks.TaskOutput;
import com.sartiq.hub.compute.tasks.TaskParams;
import com.sartiq.hub.processors.matting.BackgroundRemover;
import com.sartiq.hub.processors.matting.InvalidImageException;
import com.sartiq.hub.processors.matting.MattingResult;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.springframework.stereotype.Component;

import java.util.List;

/** BACKGROUND_REMOVE: fetch the image, cut the subject out with U2NET, store the PNG, complete the task. */
@Component
@ConditionalOnRole("cpu")
public class BackgroundRemovalRoutes extends RouteBuilder {

    private final ImageFetcher fetcher;
    private final BackgroundRemover remover;
    private final StorageProperties storage;
    private final ObjectMapper mapper;

    public BackgroundRemovalRoutes(ImageFetcher fetcher, BackgroundRemover remover, StorageProperties storage, ObjectMapper mapper) {
        this.fetcher = fetcher;
        this.remover = remover;
        this.storage = storage;
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        from("direct:matting.remove-background").routeId("matting.remove-background").errorHandler(noErrorHandler())
            .process(e -> {
                TaskParams.BackgroundRemove params = mapper.readValue(e.getMessage().getBody(String.class), TaskParams.BackgroundRemove.class);
                e.getMessage().setBody(fetcher.fetch(params.imageUrl()));
            })
            .process(e -> e.setProperty("cutout", cutOut(e.getMessage().getBody(byte[].class))))
            .setHeader(AWS2S3Constants.KEY, simple("tasks/${exchangeProperty.taskId}/cutout.png"))
            .setHeader(AWS2S3Constants.CONTENT_TYPE, constant("image/png"))
            .setBody(simple("${exchangeProperty.cutout.png}"))
            .to("direct:storage.put")
            .process(e -> {
                MattingResult cutout = e.getProperty("cutout", MattingResult.class);
                String url = storage.publicUrl(e.getMessage().getHeader(AWS2S3Constants.KEY, String.class));
                e.getMessage().setBody(new TaskOutput(List.of(
                        new TaskOutput.Image(url, cutout.width(), cutout.height(), "image/png", null))));
            })
            .to("direct:tasks.complete");
    }

    private MattingResult cutOut(byte[] image) {
        try {
            return remover.removeBackground(image);
        } catch (InvalidImageException e) {
            throw TaskFailedException.invalidInput("image_url is not a decodable image: " + e.getMessage());
        }
    }
}
