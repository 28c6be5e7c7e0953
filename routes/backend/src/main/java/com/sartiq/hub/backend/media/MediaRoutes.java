package com.sartiq.hub.backend.media;

import com.sartiq.hub.backend.auth.AuthRoutes;
import com.sartiq.hub.backend.tenancy.Scope;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import com.sartiq.hub.common.storage.StorageProperties;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Uploads and media (spec §3.4): presigned PUTs into {@code temp/}, ingestion of those uploads into
 * deduplicated media resources attached to entities, the {@code /files/} redirect and metadata
 * enrichment.
 *
 * <p>Contract for the routes of other features (catalog creates and reads):
 * <ul>
 *   <li>{@code direct:media.attach}: property {@code scope} set; body Map {@code {entity_type, entity_id,
 *   slots: [{slot, position, url}]}}; replaces the entity's attachments of those slots and answers a
 *   List of Map {@code {slot, position, media_resource_id, url}}. A URL that is not one of our temp or
 *   media objects is a 422 ({@code loc ["body", slot]}, type {@code url_invalid}); a non-image 415, too big 413.</li>
 *   <li>{@code direct:media.urls}: body Map {@code {entity_type, entity_ids}}; answers Map
 *   entityId → slot → CDN url (a List of urls, in position order, for positioned slots).</li>
 * </ul>
 */
@Component
public class MediaRoutes extends RouteBuilder {

    private static final String BUCKET = "aws2-s3://{{hub.storage.bucket}}?autoCreateBucket=false&operation=";

    private final Uploads uploads;
    private final MediaIngestion ingestion;
    private final JsonRequestReader reader;
    private final JsonResponses json;
    private final StorageProperties storage;

    public MediaRoutes(Uploads uploads, MediaIngestion ingestion, JsonRequestReader reader, JsonResponses json, StorageProperties storage) {
        this.uploads = uploads;
        this.ingestion = ingestion;
        this.reader = reader;
        this.json = json;
        this.storage = storage;
    }

    @Override
    public void configure() {
        rest("/uploads").tag("uploads")
            .post("/presigned-url").id("rest.uploads.presigned-url")
                .description("A presigned PUT URL for uploading one image straight to storage (under temp/); "
                        + "pass the answer's file_url to a create (e.g. POST /products/) to ingest it")
                .consumes("application/json").produces("application/json").type(UploadRequest.class).outType(PresignedUpload.class)
                .responseMessage().code(200).message("Upload URL").responseModel(PresignedUpload.class).endResponseMessage()
                .responseMessage().code(413).message("File larger than max_file_size (50 MB)").endResponseMessage()
                .responseMessage().code(415).message("Not an image content type").endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:uploads.presigned-url");
        rest("/media-resources").tag("media-resources")
            .patch("/{media_resource_id}").id("rest.media-resources.patch")
                .description("Fill a media resource's empty metadata fields (color_profile, duration, dominant_color, width, "
                        + "height, alt_text, caption); fields already set are silently kept")
                .consumes("application/json").produces("application/json").type(MediaResourceUpdate.class).outType(MediaResourcePublic.class)
                .param().name("media_resource_id").type(RestParamType.path).description("Media resource id (UUID)").endParam()
                .responseMessage().code(200).message("The media resource").responseModel(MediaResourcePublic.class).endResponseMessage()
                .responseMessage().code(404).message("Media resource not found").endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:media-resources.patch");

        from("direct:uploads.presigned-url").routeId("uploads.presigned-url").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> e.getMessage().setBody(uploads.presign(reader.read(e.getMessage().getBody(String.class), UploadRequest.class))))
            .log("Presigned upload ${body.fileUrl} for user ${exchangeProperty.scope.userId}")
            .process(json.ok());

        from("direct:media-resources.patch").routeId("media-resources.patch").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("media_resource_id", "Media resource"))
            .to("direct:tenancy.scope")
            .process(e -> {
                MediaResourceUpdate update = reader.read(e.getMessage().getBody(String.class), MediaResourceUpdate.class);
                Map<String, Object> params = new HashMap<>(e.getProperty(Scope.PROPERTY, Scope.class).params());
                params.put("id", e.getMessage().getHeader("media_resource_id"));
                params.put("colorProfile", update.colorProfile());
                params.put("duration", update.duration());
                params.put("dominantColor", update.dominantColor());
                params.put("width", update.width());
                params.put("height", update.height());
                params.put("altText", update.altText());
                params.put("caption", update.caption());
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/media-resource-patch.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Media resource")).end()
            .process(e -> e.getMessage().setBody(MediaResourcePublic.fromRow(e.getMessage().getBody(Map.class), storage)))
            .process(json.ok());

        // GET /files/{path}: old links keep working; the bytes come from the CDN (no /api/v1 prefix, as documented)
        from("platform-http:/files?matchOnUriPrefix=true&httpMethodRestrict=GET,HEAD").routeId("files.redirect")
            .routeConfigurationId(RestErrorHandling.ID)
            .process(e -> {
                String path = e.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
                String key = path == null ? "" : path.replaceFirst("^/?files/?", "").replaceFirst("^/+", "");
                if (key.isEmpty() || key.contains("..") || key.contains("//") || key.contains("\\")) {
                    throw ApiException.notFound("File");
                }
                e.getMessage().removeHeaders("*");
                e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 302);
                e.getMessage().setHeader("Location", storage.publicUrl(key));
                e.getMessage().setBody("");
            });

        from("direct:media.attach").routeId("media.attach").errorHandler(noErrorHandler())
            .process(e -> e.setProperty("attachPlan", AttachPlan.of(e.getMessage().getBody(Map.class), storage.cdnBaseUrl())))
            .process(e -> e.setProperty("attached", new ArrayList<Attached>()))
            .loop(simple("${exchangeProperty.attachPlan.slots.size}"))
                .process(e -> e.getMessage().setBody(e.getProperty("attachPlan", AttachPlan.class).slots()
                        .get(e.getProperty(Exchange.LOOP_INDEX, Integer.class))))
                .to("direct:media.ingest")
                .process(e -> attachedList(e).add(e.getMessage().getBody(Attached.class)))
            .end()
            .process(e -> e.getMessage().setBody(ingestion.replaceParams(e)))
            .to("sql:classpath:sql/backend/media-attachments-replace.sql")
            .log("Attached ${exchangeProperty.attached.size} media to ${exchangeProperty.attachPlan.entityType} ${exchangeProperty.attachPlan.entityId}")
            .setBody(e -> attachedList(e).stream().map(Attached::toMap).toList());

        from("direct:media.urls").routeId("media.urls").errorHandler(noErrorHandler())
            .process(e -> {
                Map<?, ?> request = e.getMessage().getBody(Map.class);
                List<?> ids = (List<?>) request.get("entity_ids");
                e.getMessage().setBody(Map.of("entityType", String.valueOf(request.get("entity_type")),
                        "entityIds", "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}"));
            })
            .choice()
                .when(e -> "{}".equals(e.getMessage().getBody(Map.class).get("entityIds"))).setBody(e -> new java.util.LinkedHashMap<>())
                .otherwise()
                    .to("sql:classpath:sql/backend/media-urls.sql")
                    .process(e -> e.getMessage().setBody(ingestion.urls(e.getMessage().getBody(List.class))))
            .end();

        // one slot: an existing media URL is looked up, an upload ingested; the body becomes an Attached
        from("direct:media.ingest").routeId("media.ingest").errorHandler(noErrorHandler())
            .setProperty("slotUrl", body())
            .choice()
                .when(simple("${body.ref.kind} == 'MEDIA'"))
                    .setBody(e -> Map.of("id", e.getProperty("slotUrl", SlotUrl.class).ref().resourceId()))
                    .to("sql:classpath:sql/backend/media-by-id.sql?outputType=SelectOne")
                    .process(ingestion::requireResource)
                .otherwise()
                    .to("direct:media.ingest-upload")
            .end()
            .setBody(ingestion::attached);

        from("direct:media.ingest-upload").routeId("media.ingest-upload").errorHandler(noErrorHandler())
            .removeProperties("storageError|rejection|contentHash|imageType|fileSize|mediaKey")
            .setHeader(AWS2S3Constants.KEY, simple("${exchangeProperty.slotUrl.ref.key}"))
            .setProperty("tempKey", header(AWS2S3Constants.KEY))
            .doTry()
                .toD(BUCKET + "headObject")
            .doCatch(SdkException.class)
                .setProperty("storageError", exchangeProperty(Exchange.EXCEPTION_CAUGHT))
            .end()
            .process(ingestion::checkHead)
            .filter(exchangeProperty("rejection").isNull())
                .setHeader(AWS2S3Constants.RANGE_START, constant(0L))
                .setHeader(AWS2S3Constants.RANGE_END, constant((long) ImageType.SNIFF_BYTES - 1))
                .toD(BUCKET + "getObjectRange")
                .process(ingestion::sniff)
            .end()
            .filter(exchangeProperty("rejection").isNotNull())
                .to("direct:media.delete-temp")
                .process(ingestion::throwRejection)
            .end()
            .filter(exchangeProperty("contentHash").isNull())
                .setHeader(AWS2S3Constants.KEY, exchangeProperty("tempKey"))
                .toD(BUCKET + "getObject")
                .process(ingestion::digest)
            .end()
            .setBody(ingestion::hashParams)
            .to("sql:classpath:sql/backend/media-by-hash.sql?outputType=SelectOne")
            .choice()
                .when(body().isNotNull())
                    .log("Upload ${exchangeProperty.tempKey} is a duplicate of media ${body[id]}")
                .otherwise()
                    .to("direct:media.store-new")
            .end()
            .setProperty("mediaRow", body())
            .to("direct:media.delete-temp")
            .setBody(exchangeProperty("mediaRow"));

        // copy first, then the row: a row never points at a missing object; a lost race drops our copy
        from("direct:media.store-new").routeId("media.store-new").errorHandler(noErrorHandler())
            .setBody(ingestion::insertParams)
            .setProperty("insertParams", body())
            .setHeader(AWS2S3Constants.KEY, exchangeProperty("tempKey"))
            .setHeader(AWS2S3Constants.BUCKET_DESTINATION_NAME, constant(storage.bucket()))
            .setHeader(AWS2S3Constants.DESTINATION_KEY, exchangeProperty("mediaKey"))
            .toD(BUCKET + "copyObject")
            .setBody(exchangeProperty("insertParams"))
            .to("sql:classpath:sql/backend/media-insert.sql?outputType=SelectOne")
            .choice()
                .when(body().isNull())
                    .setHeader(AWS2S3Constants.KEY, exchangeProperty("mediaKey"))
                    .toD(BUCKET + "deleteObject")
                    .setBody(ingestion::hashParams)
                    .to("sql:classpath:sql/backend/media-by-hash.sql?outputType=SelectOne")
                .otherwise()
                    .log("Ingested ${exchangeProperty.tempKey} as ${exchangeProperty.mediaKey}")
                    .setProperty("mediaRow", body())
                    .to("direct:media.enqueue-enrich")
                    .setBody(exchangeProperty("mediaRow"))
            .end();

        // a temp object that could not be deleted expires with the temp/ lifecycle rule: not worth failing for
        from("direct:media.delete-temp").routeId("media.delete-temp").errorHandler(noErrorHandler())
            .setHeader(AWS2S3Constants.KEY, exchangeProperty("tempKey"))
            .doTry()
                .toD(BUCKET + "deleteObject")
            .doCatch(SdkException.class)
                .log(org.apache.camel.LoggingLevel.WARN, "Could not delete ${exchangeProperty.tempKey}: ${exception.message}")
            .end();
    }

    @SuppressWarnings("unchecked")
    private static List<Attached> attachedList(Exchange exchange) {
        return exchange.getProperty("attached", List.class);
    }
}
