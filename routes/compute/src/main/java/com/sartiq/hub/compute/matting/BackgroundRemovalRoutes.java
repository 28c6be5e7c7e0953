package com.sartiq.hub.compute.matting;

import com.sartiq.hub.compute.config.ConditionalOnRole;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.common.storage.StorageProperties;
import com.sartiq.hub.compute.tasks.TaskFailedException;
import com.sartiq.hub.compute.tasks.TaskOutput;
import com.sartiq.hub.compute.tasks.TaskParams;
import com.sartiq.hub.processors.matting.BackgroundRemover;
import com.sartiq.hub.processors.matting.InvalidImageException;
import com.sartiq.hub.processors.matting.MattingOptions;
import com.sartiq.hub.processors.matting.MattingResult;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * BACKGROUND_REMOVE: fetch the image (and the background image of a composite), cut the subject out with the
 * local model, store the PNG ({@code tasks/<id>/<output>.png}), complete the task. Bad pictures fail the task
 * as invalid input, without retries.
 */
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
                byte[] image = fetcher.fetch(params.imageUrl());
                byte[] background = params.backgroundImageUrl() == null ? null : fetchBackground(params.backgroundImageUrl());
                e.setProperty("output", params.outputOrDefault());
                e.setProperty("cutout", cutOut(image, options(params, background)));
            })
            .log("Task ${exchangeProperty.taskId} matted (${exchangeProperty.output}, ${exchangeProperty.cutout.width}x${exchangeProperty.cutout.height}): ${exchangeProperty.cutout.times}")
            .setHeader(AWS2S3Constants.KEY, simple("tasks/${exchangeProperty.taskId}/${exchangeProperty.output}.png"))
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

    static MattingOptions options(TaskParams.BackgroundRemove params, byte[] backgroundImage) {
        MattingOptions.Output output = MattingOptions.Output.valueOf(params.outputOrDefault().toUpperCase(Locale.ROOT));
        Integer colour = params.backgroundColor() == null ? null : Integer.parseInt(params.backgroundColor().substring(1), 16);
        boolean crop = Boolean.TRUE.equals(params.crop());
        return new MattingOptions(output, colour, backgroundImage, crop,
                crop && params.cropMargin() != null ? params.cropMargin() : 0, Boolean.TRUE.equals(params.refineEdges()));
    }

    private byte[] fetchBackground(String url) {
        try {
            return fetcher.fetch(url);
        } catch (TaskFailedException e) {
            throw new TaskFailedException(e.category(), e.getMessage().replace("image_url", "background_image_url"), e.retryable(), e);
        }
    }

    private MattingResult cutOut(byte[] image, MattingOptions options) {
        try {
            return remover.removeBackground(image, options);
        } catch (InvalidImageException e) {
            String field = e.getMessage().startsWith("background image: ") ? "background_image_url" : "image_url";
            throw TaskFailedException.invalidInput(field + " is not a usable image: " + e.getMessage().replaceFirst("^background image: ", ""));
        }
    }
}
