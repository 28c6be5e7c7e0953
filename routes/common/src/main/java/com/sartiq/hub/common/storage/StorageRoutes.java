package com.sartiq.hub.common.storage;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The one path to object storage: {@code direct:storage.put} stores the body under the key in
 * header {@code CamelAwsS3Key} with content type {@code CamelAwsS3ContentType}. The endpoint is
 * resolved on first use ({@code toD}): a static one checks the bucket when the route starts, so an
 * unreachable store would stop the whole hub instead of failing only the writes that need it.
 */
@Component
public class StorageRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:storage.put").routeId("storage.put").errorHandler(noErrorHandler())
            .toD("aws2-s3://{{hub.storage.bucket}}?autoCreateBucket=false")
            .log("Stored ${header.CamelAwsS3Key}");
    }
}
