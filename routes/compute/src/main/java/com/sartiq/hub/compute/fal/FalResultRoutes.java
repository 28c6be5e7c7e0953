package com.sartiq.hub.compute.fal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.common.storage.StorageProperties;
import com.sartiq.hub.compute.tasks.TaskOutput;
import com.sartiq.hub.compute.tasks.TrainingOutput;
import com.sartiq.hub.processors.fal.FalImage;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end of a fal request, reached from the webhook or the poller: {@code fal.collect} copies the result's
 * files (streamed, with content type and size) into our storage, frees the slot and completes the task;
 * {@code fal.fail} records a failed request and frees the slot. Both expect the collect claim to be held.
 */
@Component
public class FalResultRoutes extends RouteBuilder {

    private final FalProperties fal;
    private final FalSlots slots;
    private final StorageProperties storage;

    public FalResultRoutes(FalProperties fal, FalSlots slots, StorageProperties storage) {
        this.fal = fal;
        this.slots = slots;
        this.storage = storage;
    }

    @Override
    public void configure() {
        from("direct:fal.collect").routeId("fal.collect").errorHandler(noErrorHandler())
            .process(e -> {
                JsonNode result = e.getMessage().getBody(JsonNode.class);
                JsonNode params = e.getProperty("params", JsonNode.class);
                // a result without a seed (a trainer's, a face restorer's) has none to report
                Long seed = null;
                if (params != null && params.hasNonNull("seed")) {
                    seed = params.get("seed").asLong();
                } else if (result.hasNonNull("seed")) {
                    seed = result.get("seed").asLong();
                }
                e.setProperty("seed", seed);
                e.getMessage().setBody(fal.model(e.getProperty("taskType", String.class)).files(result));
            })
            .split(body(), new GroupedBodyAggregationStrategy()).stopOnException()
                .setProperty("falFile", body())
                .process(e -> e.getMessage().setHeader(AWS2S3Constants.KEY, "tasks/" + e.getProperty("taskId") + "/"
                        + e.getProperty(Exchange.SPLIT_INDEX) + extension(e.getProperty("falFile", FalImage.class))))
                .removeHeaders("*", AWS2S3Constants.KEY)
                .setHeader(Exchange.HTTP_URI, simple("${body.url}"))
                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                .setBody(constant(null))
                .to("http-fal://fal-media?throwExceptionOnFailure=true")
                .process(e -> {
                    // streamed to storage: the length fal's CDN announced lets the upload run without buffering it whole
                    var m = e.getMessage();
                    Long length = m.getHeader("Content-Length", Long.class);
                    e.setProperty("falFileSize", length);
                    String type = e.getProperty("falFile", FalImage.class).contentType();
                    String key = m.getHeader(AWS2S3Constants.KEY, String.class);
                    m.removeHeaders("*");
                    m.setHeader(AWS2S3Constants.KEY, key);
                    m.setHeader(AWS2S3Constants.CONTENT_TYPE, type);
                    if (length != null && length >= 0) {
                        m.setHeader(AWS2S3Constants.CONTENT_LENGTH, length);
                    }
                })
                .to("direct:storage.put")
                .process(e -> {
                    FalImage file = e.getProperty("falFile", FalImage.class);
                    e.getMessage().setBody(new StoredFile(storage.publicUrl(e.getMessage().getHeader(AWS2S3Constants.KEY, String.class)),
                            file, e.getProperty("falFileSize", Long.class)));
                })
            .end()
            // the result is in our storage: fal's slot goes to the next task before the completion is written
            .bean(slots, "release")
            .process(e -> e.getMessage().setBody(output(e.getProperty("taskType", String.class), e.getMessage().getBody(List.class),
                    e.getProperty("params", JsonNode.class), e.getProperty("seed", Long.class))))
            .to("direct:tasks.complete");

        from("direct:fal.fail").routeId("fal.fail").errorHandler(noErrorHandler())
            // a failed fal request is final for this task: its attempt budget is not spent on a re-submit
            .process(e -> e.setProperty("maxAttempts", e.getProperty("attempt")))
            .setProperty("retryDelaySeconds", constant(1))
            .to("direct:tasks.record-failure")
            .bean(slots, "release");
    }

    /** One file of a result, now in our storage. */
    record StoredFile(String url, FalImage source, Long size) {
    }

    /** The task's output: a TRAINING's weights and config, else the images (or video) it made. */
    static Object output(String taskType, List<StoredFile> files, JsonNode params, Long seed) {
        if ("TRAINING".equals(taskType)) {
            return new TrainingOutput(files.get(0).url(), files.size() > 1 ? files.get(1).url() : null,
                    params == null ? null : params.path("trigger_word").asText(null),
                    files.stream().map(f -> new TrainingOutput.File(f.url(), f.source().contentType(), f.size())).toList());
        }
        return new TaskOutput(files.stream().map(f -> new TaskOutput.Image(f.url(), f.source().width(), f.source().height(),
                f.source().contentType(), seed)).toList());
    }

    private static String extension(FalImage file) {
        String type = file.contentType() == null ? "" : file.contentType().toLowerCase(Locale.ROOT);
        Map<String, String> known = Map.of("image/png", ".png", "image/jpeg", ".jpg", "image/webp", ".webp", "video/mp4", ".mp4",
                "application/zip", ".zip");
        if (known.containsKey(type)) {
            return known.get(type);
        }
        String url = file.url() == null ? "" : file.url().replaceAll("[?#].*$", "");
        int dot = url.lastIndexOf('.');
        return dot > url.lastIndexOf('/') && url.length() - dot <= 13 ? url.substring(dot) : ".bin";
    }
}
