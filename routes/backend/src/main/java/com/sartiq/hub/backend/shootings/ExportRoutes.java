package com.sartiq.hub.backend.shootings;

import com.sartiq.hub.backend.auth.AuthRoutes;
import com.sartiq.hub.backend.jobs.JobKind;
import com.sartiq.hub.backend.jobs.JobProperties;
import com.sartiq.hub.backend.jobs.JobPublic;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Export of a shooting's approved images as a ZIP (delivery flow): {@code POST /shootings/{id}/export} queues
 * an {@code EXPORT_SHOOTING} job (202 with the job), {@code GET /shootings/{id}/exports/{job_id}} (or
 * {@code GET /jobs/{id}}) shows it, with a presigned download link once done. The job ({@code jobs.export-shooting})
 * packs the images of every shot whose current revision is approved into
 * {@code exports/{shooting_id}/{job_id}.zip}, folders per look ({@link ExportNames}).
 */
@Component
public class ExportRoutes extends RouteBuilder {

    private static final String BUCKET = "aws2-s3://{{hub.storage.bucket}}?autoCreateBucket=false";

    private final JsonResponses json;
    private final JobProperties jobs;
    private final ExportArchive archive;

    public ExportRoutes(JsonResponses json, JobProperties jobs) {
        this.json = json;
        this.jobs = jobs;
        this.archive = new ExportArchive(jobs.export().spoolDirectory());
    }

    @Override
    public void configure() {
        rest("/shootings").tag("shootings")
            .post("/{shooting_id}/export").id("rest.shootings.export")
                .description("Export the shooting's approved images as a ZIP: queues a job and answers it (202); "
                        + "poll GET /shootings/{shooting_id}/exports/{job_id} for its download_url")
                .produces("application/json").outType(JobPublic.class)
                .param().name("shooting_id").type(RestParamType.path).dataType("string").dataFormat("uuid").endParam()
                .responseMessage().code(202).message("Export queued").responseModel(JobPublic.class).endResponseMessage()
                .responseMessage().code(404).message("Shooting not found").endResponseMessage()
                .responseMessage().code(409).message("Nothing to export: no shot is approved").endResponseMessage()
                .security(AuthRoutes.BEARER).to("direct:shootings.export")
            .get("/{shooting_id}/exports/{job_id}").id("rest.shootings.exports.get")
                .description("An export of the shooting: status, attempts, error and, once completed, a presigned download_url")
                .produces("application/json").outType(JobPublic.class)
                .param().name("shooting_id").type(RestParamType.path).dataType("string").dataFormat("uuid").endParam()
                .param().name("job_id").type(RestParamType.path).dataType("string").dataFormat("uuid").endParam()
                .responseMessage().code(404).message("Shooting or export not found").endResponseMessage()
                .security(AuthRoutes.BEARER).to("direct:shootings.exports.get");

        from("direct:shootings.export").routeId("shootings.export").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("shooting_id", "Shooting"))
            .to("direct:tenancy.scope")
            .to("direct:shootings.read")
            .setBody(e -> Map.of("shootingId", e.getProperty("shooting", ShootingPublic.class).id()))
            .to("sql:classpath:sql/backend/export-images.sql")
            .filter(simple("${body.size} == 0"))
                .throwException(new ApiException(409, "Nothing to export: no shot of this shooting is approved"))
            .end()
            .process(e -> {
                ShootingPublic shooting = e.getProperty("shooting", ShootingPublic.class);
                Map<String, Object> request = new HashMap<>();
                request.put("kind", JobKind.EXPORT_SHOOTING.name());
                request.put("params", Map.of("shooting_id", shooting.id(), "file_name", ExportNames.archiveName(shooting.name())));
                request.put("entity_id", shooting.id());
                request.put("organization_id", shooting.organizationId());
                e.getMessage().setBody(request);
            })
            .to("direct:jobs.enqueue")
            .setHeader("job_id", body())
            .removeHeader("entityId")
            .to("direct:jobs.read")
            .process(json.status(202));

        from("direct:shootings.exports.get").routeId("shootings.exports.get").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("shooting_id", "Shooting"))
            .process(JsonResponses.requireUuid("job_id", "Export"))
            .to("direct:tenancy.scope")
            .to("direct:shootings.read")
            .setHeader("entityId", simple("${exchangeProperty.shooting.id}"))
            .to("direct:jobs.read")
            .process(json.ok());

        // the job: body = its params {shooting_id, file_name}; answers the result {key, file_name, image_count, size_bytes, skipped (URLs not in our bucket)}
        from(JobKind.EXPORT_SHOOTING.handler()).routeId("jobs.export-shooting").errorHandler(noErrorHandler())
            .setProperty("exportShootingId", simple("${body[shooting_id]}"))
            .setProperty("exportFileName", simple("${body[file_name]}"))
            .setProperty("exportKey", simple("exports/${body[shooting_id]}/${exchangeProperty.jobId}.zip"))
            .setBody(e -> Map.of("shootingId", e.getProperty("exportShootingId")))
            .to("sql:classpath:sql/backend/export-images.sql")
            .doTry()
                .to("direct:jobs.export-pack")
            .doFinally()
                .process(archive::cleanUp)
            .end()
            .log("Export ${exchangeProperty.exportKey}: ${exchangeProperty.exportBytes} bytes")
            .setBody(e -> {
                Map<String, Object> result = new HashMap<>();
                result.put("key", e.getProperty("exportKey"));
                result.put("file_name", e.getProperty("exportFileName"));
                result.put("size_bytes", e.getProperty("exportBytes"));
                result.put("image_count", e.getProperty("exportCount"));
                result.put("skipped", e.getProperty("exportSkipped", List.class));
                return result;
            });

        from("direct:jobs.export-pack").routeId("jobs.export-pack").errorHandler(noErrorHandler())
            .process(archive::open)
            .split(body()).stopOnException()
                .setProperty("exportImage", body())
                .setHeader(AWS2S3Constants.KEY, simple("${body[storage_key]}"))
                .toD(BUCKET + "&operation=getObject")
                .process(archive::addEntry)
            .end()
            .process(archive::close)
            .setHeader(AWS2S3Constants.KEY, exchangeProperty("exportKey"))
            .setHeader(AWS2S3Constants.CONTENT_TYPE, constant("application/zip"))
            .toD(BUCKET + "&multiPartUpload=true&partSize=" + jobs.export().partSizeBytes());
    }
}
