package com.sartiq.hub.common.storage;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The one path to object storage: {@code direct:storage.put} stores the body under the key in
 * header {@code CamelAwsS3Key} with content type {@code CamelAwsS3ContentType}.
 */
@Component
public class StorageRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:storage.put").routeId("storage.put").errorHandler(noErrorHandler())
            .to("aws2-s3://{{hub.storage.bucket}}?autoCreateBucket=false")
            .log("Stored ${header.CamelAwsS3Key}");
    }
}
