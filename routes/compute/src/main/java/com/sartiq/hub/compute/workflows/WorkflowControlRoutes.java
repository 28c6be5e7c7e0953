package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import com.sartiq.hub.common.storage.StorageProperties;
import com.sartiq.hub.compute.config.ConditionalOnRole;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workflow's life after its creation: start, pause (nothing new is queued; running tasks finish and are
 * recorded), resume (a paused workflow goes on; a failed or cancelled one re-runs what did not complete),
 * cancel, and clean up (delete the stored files of its intermediate steps). Each change runs in one
 * transaction holding the workflow row ({@code workflows.lock}) and ends with its events.
 */
@Component
@ConditionalOnRole("api")
public class WorkflowControlRoutes extends RouteBuilder {

    private static final String API_KEY = "HTTPBearer";
    private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");

    private final JsonResponses json;
    private final StorageProperties storage;
    private final ObjectMapper mapper;

    public WorkflowControlRoutes(JsonResponses json, StorageProperties storage, ObjectMapper mapper) {
        this.json = json;
        this.storage = storage;
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        rest("/workflows").tag("workflows")
            .post("/{workflow_id}/start").id("rest.workflows.start")
                .description("Start a created workflow: its steps without dependencies are queued")
                .produces("application/json")
                .param().name("workflow_id").type(RestParamType.path).description("Workflow id (UUID)").endParam()
                .responseMessage().code(409).message("Workflow not in state created").endResponseMessage()
                .security(API_KEY)
                .to("direct:workflows.start")
            .post("/{workflow_id}/pause").id("rest.workflows.pause")
                .description("Pause a running workflow: no step is queued until it resumes; tasks already running finish and their "
                        + "results are recorded")
                .produces("application/json")
                .param().name("workflow_id").type(RestParamType.path).description("Workflow id (UUID)").endParam()
                .responseMessage().code(409).message("Workflow not running").endResponseMessage()
                .security(API_KEY)
                .to("direct:workflows.pause")
            .post("/{workflow_id}/resume").id("rest.workflows.resume")
                .description("Resume a paused workflow (ready steps are queued at once), or run a failed or cancelled one again: only "
                        + "its failed, cancelled and skipped steps run (steps skipped by their condition stay skipped)")
                .produces("application/json")
                .param().name("workflow_id").type(RestParamType.path).description("Workflow id (UUID)").endParam()
                .responseMessage().code(409).message("Workflow not paused, failed or cancelled, or already cleaned up").endResponseMessage()
                .security(API_KEY)
                .to("direct:workflows.resume")
            .post("/{workflow_id}/cancel").id("rest.workflows.cancel")
                .description("Cancel a created, running or paused workflow: waiting steps are skipped, queued steps' tasks cancelled")
                .produces("application/json")
                .param().name("workflow_id").type(RestParamType.path).description("Workflow id (UUID)").endParam()
                .responseMessage().code(409).message("Workflow already completed or failed").endResponseMessage()
                .security(API_KEY)
                .to("direct:workflows.cancel")
            .post("/{workflow_id}/cleanup").id("rest.workflows.cleanup")
                .description("Delete from storage the files of a finished workflow's intermediate steps (those other steps depend on), "
                        + "never its results; recorded under cleanup. Again: nothing more is deleted")
                .produces("application/json")
                .param().name("workflow_id").type(RestParamType.path).description("Workflow id (UUID)").endParam()
                .responseMessage().code(409).message("Workflow not finished").endResponseMessage()
                .security(API_KEY)
                .to("direct:workflows.cleanup");

        from("direct:workflows.start").routeId("workflows.start").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:workflows.require-path-id")
            .filter(simple("${body[status]} != 'created'"))
                .process(e -> conflict(e, "Workflow already %s: it cannot be started"))
            .end()
            .to("direct:workflows.start-tx")
            .to("direct:workflows.wake-workers")
            .log("Workflow ${exchangeProperty.workflowId} started")
            .to("direct:workflows.answer");

        // a workflow not (or no longer) in state created is left alone: advancing only moves running workflows
        from("direct:workflows.start-tx").routeId("workflows.start-tx").transacted()
            .to("direct:workflows.lock")
            .to("sql:classpath:sql/compute/workflows/workflow-start.sql")
            .to("direct:workflows.advance-locked")
            .to("direct:workflows.announce");

        from("direct:workflows.pause").routeId("workflows.pause").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:workflows.require-path-id")
            .filter(simple("${body[status]} != 'running'"))
                .process(e -> conflict(e, "Workflow is %s: only a running workflow pauses"))
            .end()
            .to("direct:workflows.pause-tx")
            .to("direct:workflows.answer");

        from("direct:workflows.pause-tx").routeId("workflows.pause-tx").transacted()
            .to("direct:workflows.lock")
            .to("sql:classpath:sql/compute/workflows/workflow-pause.sql")
            .to("direct:workflows.announce")
            .log("Workflow ${exchangeProperty.workflowId} paused");

        from("direct:workflows.resume").routeId("workflows.resume").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:workflows.require-path-id")
            .filter(simple("${body[status]} != 'paused' && ${body[status]} != 'failed' && ${body[status]} != 'cancelled'"))
                .process(e -> conflict(e, "Workflow is %s: only a paused, failed or cancelled workflow resumes"))
            .end()
            .filter(simple("${body[cleanup]} != null"))
                .process(e -> conflict(e, "Workflow was cleaned up: the files its steps would read are gone"))
            .end()
            .to("direct:workflows.resume-tx")
            .to("direct:workflows.wake-workers")
            .to("direct:workflows.answer");

        from("direct:workflows.resume-tx").routeId("workflows.resume-tx").transacted()
            .to("direct:workflows.lock")
            .choice()
                .when(simple("${body[status]} == 'paused'"))
                    .to("sql:classpath:sql/compute/workflows/workflow-unpause.sql")
                .otherwise()
                    .to("sql:classpath:sql/compute/workflows/workflow-resume.sql")
            .end()
            .log("Workflow ${exchangeProperty.workflowId} resumed")
            .to("direct:workflows.advance-locked")
            .to("direct:workflows.announce");

        from("direct:workflows.cancel").routeId("workflows.cancel").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:workflows.require-path-id")
            .filter(simple("${body[status]} == 'completed' || ${body[status]} == 'failed'"))
                .process(e -> conflict(e, "Workflow already %s: it cannot be cancelled"))
            .end()
            .to("direct:workflows.cancel-tx")
            .to("direct:workflows.answer");

        from("direct:workflows.cancel-tx").routeId("workflows.cancel-tx").transacted()
            .to("direct:workflows.lock")
            .filter(simple("${body[status]} == 'created' || ${body[status]} == 'running' || ${body[status]} == 'paused'"))
                .to("sql:classpath:sql/compute/workflows/workflow-sync-nodes.sql")
                .to("sql:classpath:sql/compute/workflows/workflow-cancel.sql")
                .to("sql:classpath:sql/compute/workflows/workflow-queued-tasks.sql?outputType=SelectList")
                .split(body())
                    .setProperty("nodeId", simple("${body[node_id]}"))
                    .to("sql:classpath:sql/compute/task-cancel.sql?outputType=SelectOne")
                    .setBody(e -> WorkflowEngineRoutes.nodeEnd(e.getProperty("nodeId", String.class), "cancelled", null, "workflow cancelled"))
                    .to("sql:classpath:sql/compute/workflows/workflow-node-end.sql")
                .end()
                .to("direct:workflows.announce")
                .log("Workflow ${exchangeProperty.workflowId} cancelled")
            .end();

        from("direct:workflows.cleanup").routeId("workflows.cleanup").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:workflows.require-path-id")
            .filter(e -> !FINISHED.contains((String) e.getMessage().getBody(Map.class).get("status")))
                .process(e -> conflict(e, "Workflow is %s: only a finished workflow is cleaned up"))
            .end()
            .to("direct:workflows.cleanup-plan")
            .filter(exchangeProperty("cleanup").isNotNull())
                .split(simple("${exchangeProperty.cleanup.deleted}"))
                    .removeHeaders("*")
                    .setHeader(AWS2S3Constants.KEY, body())
                    .toD("aws2-s3://{{hub.storage.bucket}}?autoCreateBucket=false&operation=deleteObject")
                .end()
                .to("sql:classpath:sql/compute/workflows/workflow-cleaned.sql")
                .log("Workflow ${exchangeProperty.workflowId} cleaned up: ${exchangeProperty.cleanup.deleted.size} files deleted, "
                        + "${exchangeProperty.cleanup.skipped.size} outside our storage left alone")
            .end()
            .to("direct:workflows.answer");

        // the files to delete are recorded before any is deleted: a cleanup that fails half way deletes the same ones when called again
        from("direct:workflows.cleanup-plan").routeId("workflows.cleanup-plan").transacted()
            .to("sql:classpath:sql/compute/workflows/workflow-lock.sql?outputType=SelectOne")
            .setProperty("locked", body())
            .choice()
                .when(simple("${body[cleaned_at]} != null"))
                    .setProperty("cleanup", constant(null))
                .when(simple("${body[cleanup]} != null"))
                    .process(e -> e.setProperty("cleanup", mapper.readValue(String.valueOf(e.getProperty("locked", Map.class).get("cleanup")),
                            WorkflowCleanup.Plan.class)))
                .otherwise()
                    .to("sql:classpath:sql/compute/workflows/workflow-nodes.sql?outputType=SelectList")
                    .process(this::planCleanup)
                    .setBody(e -> Map.of("cleanup", toJson(e.getProperty("cleanup"))))
                    .to("sql:classpath:sql/compute/workflows/workflow-cleanup-plan.sql")
            .end();

        from("direct:workflows.require-path-id").routeId("workflows.require-path-id").errorHandler(noErrorHandler())
            .process(JsonResponses.requireUuid("workflow_id", "Workflow"))
            .setProperty("workflowId", header("workflow_id"))
            .to("direct:workflows.require");

        from("direct:workflows.answer").routeId("workflows.answer").errorHandler(noErrorHandler())
            .to("direct:workflows.view")
            .process(json.ok());
    }

    @SuppressWarnings("unchecked")
    private void planCleanup(Exchange exchange) throws Exception {
        exchange.setProperty("cleanup", WorkflowCleanup.plan(exchange.getMessage().getBody(List.class), storage.cdnBaseUrl(), mapper));
    }

    private String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** 409 with the workflow's status in the message ({@code %s}). */
    private static void conflict(Exchange exchange, String message) {
        throw new ApiException(409, message.formatted(exchange.getMessage().getBody(Map.class).get("status")));
    }
}
