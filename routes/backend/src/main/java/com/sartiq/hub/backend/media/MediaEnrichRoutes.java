package com.sartiq.hub.backend.media;

import com.sartiq.hub.backend.jobs.JobKind;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.springframework.stereotype.Component;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Media enrichment, a background job for each newly ingested image: {@code media.enqueue-enrich} queues a
 * {@link JobKind#MEDIA_ENRICH} job (a job that cannot be queued is logged, never fails the upload), and
 * {@code jobs.media-enrich} (the job's handler, run by the worker role) reads the image from storage, stores a
 * JPEG thumbnail at {@code media/{id}/thumb.jpg} and fills the resource's empty width, height and dominant colour.
 */
@Component
public class MediaEnrichRoutes extends RouteBuilder {

    private static final String BUCKET = "aws2-s3://{{hub.storage.bucket}}?autoCreateBucket=false&operation=";

    private final MediaProperties media;

    public MediaEnrichRoutes(MediaProperties media) {
        this.media = media;
    }

    @Override
    public void configure() {
        // property mediaRow: the new resource ({id, storage_key}); property scope: the uploader
        from("direct:media.enqueue-enrich").routeId("media.enqueue-enrich").errorHandler(noErrorHandler())
            .setBody(e -> {
                Map<?, ?> row = e.getProperty("mediaRow", Map.class);
                return Map.of("kind", JobKind.MEDIA_ENRICH.name(), "entity_id", String.valueOf(row.get("id")),
                        "params", Map.of("media_id", String.valueOf(row.get("id")), "storage_key", String.valueOf(row.get("storage_key"))));
            })
            .doTry()
                .to("direct:jobs.enqueue")
            .doCatch(Exception.class)
                .log(LoggingLevel.WARN, "Media ${exchangeProperty.mediaRow[id]} gets no thumbnail: its job was not queued: ${exception.message}")
            .end();

        // body: the job's params {media_id, storage_key}; answers the job's result
        from("direct:jobs.media-enrich").routeId("jobs.media-enrich").errorHandler(noErrorHandler())
            .setProperty("mediaId", simple("${body[media_id]}"))
            .removeHeaders("*")
            .setHeader(AWS2S3Constants.KEY, simple("${body[storage_key]}"))
            .toD(BUCKET + "getObject")
            .process(this::measure)
            .process(e -> {
                byte[] thumbnail = e.getProperty("facts", ImageFacts.Facts.class).thumbnail();
                var m = e.getMessage();
                m.removeHeaders("*");
                m.setHeader(AWS2S3Constants.KEY, "media/" + e.getProperty("mediaId") + "/thumb.jpg");
                m.setHeader(AWS2S3Constants.CONTENT_TYPE, "image/jpeg");
                m.setHeader(AWS2S3Constants.CONTENT_LENGTH, (long) thumbnail.length);
                m.setBody(thumbnail);
            })
            .to("direct:storage.put")
            .setBody(this::enrichParams)
            .to("sql:classpath:sql/backend/media-enrich.sql")
            .log("Media ${exchangeProperty.mediaId}: ${exchangeProperty.facts.width}x${exchangeProperty.facts.height}, thumbnail stored")
            .setBody(e -> {
                ImageFacts.Facts facts = e.getProperty("facts", ImageFacts.Facts.class);
                return Map.of("thumbnail_key", "media/" + e.getProperty("mediaId") + "/thumb.jpg", "width", facts.width(),
                        "height", facts.height(), "dominant_color", facts.dominantColor());
            });
    }

    private void measure(Exchange exchange) throws Exception {
        try (InputStream in = exchange.getMessage().getBody(InputStream.class)) {
            exchange.setProperty("facts", ImageFacts.of(in.readAllBytes(), media.thumbnailMaxSide(), media.enrichMaxPixels()));
        }
    }

    private Map<String, Object> enrichParams(Exchange exchange) {
        ImageFacts.Facts facts = exchange.getProperty("facts", ImageFacts.Facts.class);
        Map<String, Object> params = new HashMap<>();
        params.put("mediaId", exchange.getProperty("mediaId"));
        params.put("width", facts.width());
        params.put("height", facts.height());
        params.put("dominantColor", facts.dominantColor());
        params.put("thumbnailKey", "media/" + exchange.getProperty("mediaId") + "/thumb.jpg");
        return params;
    }
}
