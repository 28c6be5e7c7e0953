package com.sartiq.hub.backend.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.backend.auth.AuthRoutes;
import com.sartiq.hub.backend.tenancy.Scope;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import com.sartiq.hub.common.storage.StorageProperties;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The job queue's front: {@code direct:jobs.enqueue} records a job for the workers, {@code GET /jobs/{id}}
 * shows its state and, once an export is done, a presigned download link.
 *
 * <p>Contract of {@code direct:jobs.enqueue}: body Map {@code {kind (JobKind name), params (Map), entity_id?,
 * organization_id?}}, property {@code scope} (the asking user); answers the new job's id (String).
 * {@code direct:jobs.read}: headers {@code job_id} and optionally {@code entityId}, property {@code scope};
 * answers a {@link JobPublic} or throws 404.
 */
@Component
@EnableConfigurationProperties({JobProperties.class, BackendRoles.class})
public class JobRoutes extends RouteBuilder {

    private final JsonResponses json;
    private final ObjectMapper mapper;
    private final JobProperties jobs;
    private final JobPublic.Links links;

    public JobRoutes(JsonResponses json, ObjectMapper mapper, JobProperties jobs, S3Presigner presigner, StorageProperties storage) {
        this.json = json;
        this.mapper = mapper;
        this.jobs = jobs;
        Duration expiry = Duration.ofSeconds(jobs.export().linkExpirySeconds());
        this.links = (key, fileName) -> {
            var signed = presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(expiry)
                    .getObjectRequest(g -> g.bucket(storage.bucket()).key(key)
                            .responseContentDisposition(fileName == null ? null : "attachment; filename=\"" + fileName + "\"")).build());
            return new JobPublic.Link(signed.url().toString(), signed.expiration().atOffset(ZoneOffset.UTC));
        };
    }

    @Override
    public void configure() {
        rest("/jobs").tag("jobs")
            .get("/{job_id}").id("rest.jobs.get")
                .description("A background job (export, clean-up) of the caller or their organization: status, attempts, "
                        + "error, result and, for a finished export, a presigned download link")
                .produces("application/json").outType(JobPublic.class)
                .param().name("job_id").type(RestParamType.path).dataType("string").dataFormat("uuid").description("Job id").endParam()
                .responseMessage().code(200).message("The job").responseModel(JobPublic.class).endResponseMessage()
                .responseMessage().code(404).message("Job not found (or not visible to the caller)").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:jobs.get");

        from("direct:jobs.get").routeId("jobs.get").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("job_id", "Job"))
            .to("direct:tenancy.scope")
            .removeHeader("entityId")
            .to("direct:jobs.read")
            .process(json.ok());

        from("direct:jobs.read").routeId("jobs.read").errorHandler(noErrorHandler())
            .process(e -> {
                Map<String, Object> params = new HashMap<>(e.getProperty(Scope.PROPERTY, Scope.class).params());
                params.put("id", e.getMessage().getHeader("job_id", String.class));
                params.put("entityId", e.getMessage().getHeader("entityId", String.class));
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/job-by-id.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Job")).end()
            .process(e -> e.getMessage().setBody(JobPublic.fromRow(e.getMessage().getBody(Map.class), mapper, links)));

        from("direct:jobs.enqueue").routeId("jobs.enqueue").errorHandler(noErrorHandler())
            .process(this::insertParams)
            .to("sql:classpath:sql/backend/job-insert.sql")
            .log("Job ${exchangeProperty.jobId} (${exchangeProperty.jobKind}) queued")
            .setBody(exchangeProperty("jobId"));
    }

    private void insertParams(Exchange exchange) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> request = exchange.getMessage().getBody(Map.class);
        JobKind kind = JobKind.valueOf(String.valueOf(request.get("kind")));
        String id = UUID.randomUUID().toString();
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("kind", kind.name());
        params.put("params", mapper.writeValueAsString(request.getOrDefault("params", Map.of())));
        Scope scope = exchange.getProperty(Scope.PROPERTY, Scope.class);
        params.put("ownerId", scope == null ? null : scope.userId());
        params.put("organizationId", request.get("organization_id"));
        params.put("entityId", request.get("entity_id"));
        params.put("maxAttempts", jobs.maxAttempts());
        exchange.setProperty("jobId", id);
        exchange.setProperty("jobKind", kind);
        exchange.getMessage().setBody(params);
    }
}
