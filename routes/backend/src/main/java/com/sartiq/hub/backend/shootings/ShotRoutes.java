package com.sartiq.hub.backend.shootings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.backend.auth.AuthRoutes;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import com.sartiq.hub.common.storage.StorageProperties;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Shots and their review (spec §3.5): list and read, revisions, approve / reject (a rejection opens the next
 * revision), images added to the current revision (uploads through {@code direct:media.attach}), and
 * generation: {@code POST /shots/{id}/generate} builds a {@code GenerationCreate} from the look
 * ({@link ShotPrompts}) and hands it to {@code direct:generations.create} with exchange property {@code shotId}.
 *
 * <p>Contract for the generations feature: {@code direct:shots.add-prediction-image} with headers
 * {@code shotId}, {@code predictionId} and the image URL as body adds a selected prediction's image to the
 * shot's current revision (once per prediction); answers the {@link ShotPublic}; 404 for an unknown shot, 409
 * when the current revision is approved. It checks no tenancy: the caller already has.
 */
@Component
public class ShotRoutes extends RouteBuilder {

    static final String IMAGE_ENTITY = "SHOT_IMAGE";

    private final JsonRequestReader reader;
    private final JsonResponses json;
    private final ObjectMapper mapper;
    private final ShootingViews views;
    private final StorageProperties storage;

    public ShotRoutes(JsonRequestReader reader, JsonResponses json, ObjectMapper mapper, StorageProperties storage) {
        this.reader = reader;
        this.json = json;
        this.mapper = mapper;
        this.views = new ShootingViews(mapper);
        this.storage = storage;
    }

    @Override
    public void configure() {
        RestDefinition rest = rest("/shots").tag("shots");
        rest.get().id("rest.shots.list").description("Shots of the organization named by organization_id (or personal), filtered")
            .produces("application/json")
            .param().name("organization_id").type(RestParamType.query).dataType("string").dataFormat("uuid").required(false).endParam()
            .param().name("shooting_id").type(RestParamType.query).dataType("string").dataFormat("uuid").required(false).endParam()
            .param().name("look_id").type(RestParamType.query).dataType("string").dataFormat("uuid").required(false).endParam()
            .param().name("status").type(RestParamType.query).dataType("string").required(false)
                .allowableValues(ShootingRoutes.names(ReviewRules.Status.values())).endParam()
            .param().name("skip").type(RestParamType.query).dataType("integer").required(false).endParam()
            .param().name("limit").type(RestParamType.query).dataType("integer").required(false).endParam()
            .responseMessage().code(200).message("{data: [ShotPublic], count}").endResponseMessage()
            .responseMessage().code(422).message("Bad query parameter").endResponseMessage()
            .security(AuthRoutes.BEARER).to("direct:shots.list");
        shot(rest.get("/{shot_id}").id("rest.shots.get").description("One shot with its current revision and images")
            .produces("application/json").outType(ShotPublic.class)).to("direct:shots.get");
        shot(rest.patch("/{shot_id}").id("rest.shots.update").description("The current revision's notes; status PENDING ⇄ IN_REVIEW")
            .consumes("application/json").produces("application/json").type(ShotRequests.Update.class).outType(ShotPublic.class))
            .to("direct:shots.update");
        shot(rest.get("/{shot_id}/revisions").id("rest.shots.revisions").description("Every revision of the shot, newest first, with images")
            .produces("application/json")).to("direct:shots.revisions");
        shot(rest.post("/{shot_id}/approve").id("rest.shots.approve").description("Approve the current revision (it must have images)")
            .consumes("application/json").produces("application/json").type(ShotRequests.Approve.class).outType(ShotPublic.class))
            .to("direct:shots.approve");
        shot(rest.post("/{shot_id}/reject").id("rest.shots.reject")
            .description("Reject the current revision with notes; a new revision (version + 1, PENDING) becomes current")
            .consumes("application/json").produces("application/json").type(ShotRequests.Reject.class).outType(ShotPublic.class))
            .to("direct:shots.reject");
        shot(rest.post("/{shot_id}/images").id("rest.shots.images")
            .description("Add an uploaded image (file_url of POST /uploads/presigned-url) to the current revision")
            .consumes("application/json").produces("application/json").type(ShotRequests.AddImage.class).outType(ShotPublic.class))
            .to("direct:shots.add-image");
        shot(rest.post("/{shot_id}/generate").id("rest.shots.generate")
            .description("Generate images for the shot from its look (product, subject, style, shot type, resolution): "
                    + "a generation of num_predictions predictions, answered like POST /generations/")
            .consumes("application/json").produces("application/json").type(ShotRequests.Generate.class))
            .to("direct:shots.generate");

        from("direct:shots.list").routeId("shots.list").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> e.getMessage().setBody(Queries.of(e).paging().uuid("shooting_id", "shootingId", false).uuid("look_id", "lookId", false)
                    .enumValue("status", "status", ReviewRules.Status.class).params()))
            .to("sql:classpath:sql/backend/shot-list.sql")
            .process(e -> e.getMessage().setBody(Queries.page(e.getMessage().getBody(List.class), views::shot)))
            .process(json.ok());

        from("direct:shots.get").routeId("shots.get").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("shot_id", "Shot"))
            .to("direct:tenancy.scope")
            .to("direct:shots.read")
            .setBody(exchangeProperty("shot"))
            .process(json.ok());

        from("direct:shots.update").routeId("shots.update").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("shot_id", "Shot"))
            .to("direct:tenancy.scope")
            .to("direct:shots.read")
            .process(e -> {
                ObjectNode patch = reader.readObject(e.getMessage().getBody(String.class));
                ShotRequests.Update update = reader.read(patch, ShotRequests.Update.class);
                RevisionPublic current = e.getProperty("shot", ShotPublic.class).currentRevision();
                ReviewRules.Status status = ReviewRules.Status.valueOf(current.status());
                Map<String, Object> params = Queries.params(e);
                params.put("revisionId", current.id());
                params.put("expected", status.name());
                params.put("status", ReviewRules.move(status, update.status()).name());
                params.put("notes", patch.has("notes") ? update.notes() : current.notes());
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/shot-notes.sql")
            .to("direct:shots.require-updated")
            .process(json.ok());

        from("direct:shots.revisions").routeId("shots.revisions").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("shot_id", "Shot"))
            .to("direct:tenancy.scope")
            .to("direct:shots.read")
            .setBody(e -> Map.of("id", e.getProperty("shot", ShotPublic.class).id()))
            .to("sql:classpath:sql/backend/shot-revisions.sql")
            .process(e -> {
                List<Map<String, Object>> rows = e.getMessage().getBody(List.class);
                e.getMessage().setBody(Map.of("data", rows.stream().map(views::revision).toList(), "count", rows.size()));
            })
            .process(json.ok());

        from("direct:shots.approve").routeId("shots.approve").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("shot_id", "Shot"))
            .to("direct:tenancy.scope")
            .to("direct:shots.read")
            .process(e -> {
                String body = e.getMessage().getBody(String.class);
                ShotRequests.Approve approve = body == null || body.isBlank() ? new ShotRequests.Approve(null) : reader.read(body, ShotRequests.Approve.class);
                RevisionPublic current = e.getProperty("shot", ShotPublic.class).currentRevision();
                Map<String, Object> params = Queries.params(e);
                params.put("revisionId", current.id());
                params.put("expected", ReviewRules.approve(ReviewRules.Status.valueOf(current.status()), current.images().size()).name());
                params.put("status", ReviewRules.Status.APPROVED.name());
                params.put("notes", approve.notes());
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/shot-revision-status.sql")
            .to("direct:shots.require-updated")
            .log("Shot ${exchangeProperty.shot.id} approved (revision ${exchangeProperty.shot.currentRevision.version})")
            .process(json.ok());

        from("direct:shots.reject").routeId("shots.reject").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("shot_id", "Shot"))
            .to("direct:tenancy.scope")
            .to("direct:shots.read")
            .process(e -> {
                ShotRequests.Reject reject = reader.read(e.getMessage().getBody(String.class), ShotRequests.Reject.class);
                RevisionPublic current = e.getProperty("shot", ShotPublic.class).currentRevision();
                Map<String, Object> params = Queries.params(e);
                params.put("revisionId", current.id());
                params.put("expected", ReviewRules.reject(ReviewRules.Status.valueOf(current.status())).name());
                params.put("notes", reject.notes());
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/shot-reject.sql")
            .to("direct:shots.require-updated")
            .log("Shot ${exchangeProperty.shot.id} rejected: revision ${body.currentRevision.version} opened")
            .process(json.ok());

        from("direct:shots.add-image").routeId("shots.add-image").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("shot_id", "Shot"))
            .to("direct:tenancy.scope")
            .to("direct:shots.read")
            .process(e -> {
                ShotRequests.AddImage add = reader.read(e.getMessage().getBody(String.class), ShotRequests.AddImage.class);
                ReviewRules.requireOpen(ReviewRules.Status.valueOf(e.getProperty("shot", ShotPublic.class).status()));
                String imageId = UUID.randomUUID().toString();
                e.setProperty("imageId", imageId);
                e.getMessage().setBody(Map.of("entity_type", IMAGE_ENTITY, "entity_id", imageId,
                        "slots", List.of(Map.of("slot", "image_url", "url", add.imageUrl()))));
            })
            .to("direct:media.attach")
            .process(e -> {
                Map<?, ?> attached = (Map<?, ?>) e.getMessage().getBody(List.class).get(0);
                String url = (String) attached.get("url");
                e.getMessage().setBody(imageParams(e.getProperty("shot", ShotPublic.class).id(), e.getProperty("imageId", String.class), "UPLOAD",
                        url, (String) attached.get("media_resource_id"), null));
            })
            .to("direct:shots.insert-image")
            .process(json.created());

        from("direct:shots.add-prediction-image").routeId("shots.add-prediction-image").errorHandler(noErrorHandler())
            .process(e -> {
                e.getMessage().setHeader("shot_id", e.getMessage().getHeader("shotId", String.class));
                e.getMessage().setBody(imageParams(e.getMessage().getHeader("shotId", String.class), UUID.randomUUID().toString(), "PREDICTION",
                        e.getMessage().getBody(String.class), null, e.getMessage().getHeader("predictionId", String.class)));
            })
            .to("direct:shots.insert-image");

        // body: the image's SQL parameters; answers the shot as it now is
        from("direct:shots.insert-image").routeId("shots.insert-image").errorHandler(noErrorHandler())
            .to("sql:classpath:sql/backend/shot-image-insert.sql?outputType=SelectOne")
            .filter(simple("${body[status]} == null")).throwException(ApiException.notFound("Shot")).end()
            .filter(simple("${body[status]} == 'APPROVED'"))
                .process(e -> ReviewRules.requireOpen(ReviewRules.Status.APPROVED))
            .end()
            // read back as the system (superuser scope): the REST caller passed shots.read, the generations caller checked the prediction
            .setBody(e -> Map.of("id", e.getMessage().getHeader("shot_id", String.class), "userId", UUID.randomUUID().toString(), "superuser", true))
            .to("sql:classpath:sql/backend/shot-by-id.sql?outputType=SelectOne")
            .process(e -> e.getMessage().setBody(views.shot(e.getMessage().getBody(Map.class))));

        from("direct:shots.generate").routeId("shots.generate").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("shot_id", "Shot"))
            .to("direct:tenancy.scope")
            .process(e -> e.setProperty("generate", reader.read(e.getMessage().getBody(String.class), ShotRequests.Generate.class)))
            .setBody(e -> new References().add("model_id", "generation_model", e.getProperty("generate", ShotRequests.Generate.class).modelId()))
            .to("direct:shots.references-or-404")
            .process(e -> {
                Map<String, Object> params = Queries.params(e);
                params.put("id", e.getMessage().getHeader("shot_id", String.class));
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/shot-generation-source.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Shot")).end()
            .process(e -> {
                ShotRequests.Generate generate = e.getProperty("generate", ShotRequests.Generate.class);
                Map<String, Object> source = e.getMessage().getBody(Map.class);
                e.setProperty("shotId", source.get("shot_id"));
                // the generation belongs where the shot does, whatever organization_id the caller named
                e.getMessage().setHeader("organization_id", source.get("organization_id"));
                e.getMessage().setBody(mapper.writeValueAsString(ShotPrompts.generationBody(source, generate.numPredictions(),
                        generate.modelId() == null ? null : generate.modelId().toString())));
            })
            .log("Generating ${exchangeProperty.generate.numPredictions} prediction(s) for shot ${exchangeProperty.shotId}")
            .to("direct:generations.create");

        // a shot the caller cannot see is 404 before any reference is judged (ids of other tenants are not probed)
        from("direct:shots.references-or-404").routeId("shots.references-or-404").errorHandler(noErrorHandler())
            .setProperty("references", body())
            .to("direct:shots.read")
            .setBody(exchangeProperty("references"))
            .to("direct:shootings.references");

        from("direct:shots.read").routeId("shots.read").errorHandler(noErrorHandler())
            .setProperty("shotRequest", body())
            .process(e -> {
                Map<String, Object> params = Queries.params(e);
                params.put("id", e.getMessage().getHeader("shot_id", String.class));
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/shot-by-id.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Shot")).end()
            .process(e -> e.setProperty("shot", views.shot(e.getMessage().getBody(Map.class))))
            .setBody(exchangeProperty("shotRequest"))
            .removeProperty("shotRequest");

        // after a guarded review update: no row changed means the revision moved on meanwhile
        from("direct:shots.require-updated").routeId("shots.require-updated").errorHandler(noErrorHandler())
            .filter(header("CamelSqlUpdateCount").isEqualTo(0))
                .throwException(new ApiException(409, "The shot changed meanwhile: reload it and try again"))
            .end()
            .to("direct:shots.read")
            .setBody(exchangeProperty("shot"));
    }

    private Map<String, Object> imageParams(String shotId, String imageId, String source, String url, String mediaResourceId, String predictionId) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("id", imageId);
        params.put("shotId", shotId);
        params.put("source", source);
        params.put("url", url);
        params.put("storageKey", ShotImages.storageKey(url, storage.cdnBaseUrl()));
        params.put("mediaResourceId", mediaResourceId);
        params.put("predictionId", predictionId);
        return params;
    }

    private static RestDefinition shot(RestDefinition rest) {
        return rest.param().name("shot_id").type(RestParamType.path).dataType("string").dataFormat("uuid").description("Shot id").endParam()
            .responseMessage().code(404).message("Shot not found (or not visible to the caller)").endResponseMessage()
            .responseMessage().code(409).message("Not possible in the current revision's state").endResponseMessage()
            .responseMessage().code(422).message("Validation error").endResponseMessage()
            .security(AuthRoutes.BEARER);
    }
}
