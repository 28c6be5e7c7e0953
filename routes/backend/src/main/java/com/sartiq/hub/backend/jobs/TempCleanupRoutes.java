package com.sartiq.hub.backend.jobs;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code TEMP_CLEANUP} jobs: uploads under {@code temp/} that were never used (ingestion moves used ones to
 * {@code media/}) are deleted once older than {@code max_age_seconds}; one listing page (up to 1000 objects)
 * per job, the next run takes the rest. Job params: {@code max_age_seconds}, optional {@code prefix} (under temp/).
 */
@Component
public class TempCleanupRoutes extends RouteBuilder {

    private static final String BUCKET = "aws2-s3://{{hub.storage.bucket}}?autoCreateBucket=false&operation=";

    @Override
    public void configure() {
        from(JobKind.TEMP_CLEANUP.handler()).routeId("jobs.temp-cleanup").errorHandler(noErrorHandler())
            .process(e -> {
                Map<?, ?> params = e.getMessage().getBody(Map.class);
                e.setProperty("maxAgeSeconds", ((Number) params.get("max_age_seconds")).longValue());
                e.getMessage().setHeader(AWS2S3Constants.PREFIX, TempCleanup.prefix(params.get("prefix")));
            })
            .toD(BUCKET + "listObjects")
            .process(TempCleanupRoutes::selectExpired)
            .split(body())
                .setHeader(AWS2S3Constants.KEY, body())
                .toD(BUCKET + "deleteObject")
            .end()
            .log("Temp clean-up: ${exchangeProperty.expiredCount} of ${exchangeProperty.listedCount} upload(s) deleted")
            .setBody(e -> Map.of("checked", e.getProperty("listedCount"), "deleted", e.getProperty("expiredCount")));
    }

    private static void selectExpired(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<S3Object> listed = exchange.getMessage().getBody(List.class);
        List<String> expired = TempCleanup.expired(listed.stream().map(o -> new TempCleanup.StoredObject(o.key(), o.lastModified())).toList(),
                Instant.now(), exchange.getProperty("maxAgeSeconds", Long.class));
        exchange.setProperty("listedCount", listed.size());
        exchange.setProperty("expiredCount", expired.size());
        exchange.getMessage().setBody(expired);
    }
}
