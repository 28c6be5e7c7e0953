package com.sartiq.hub.backend.shootings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.backend.auth.AuthRoutes;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RequestValidationException;
import com.sartiq.hub.common.rest.RestErrorHandling;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Review aids (delivery flow): annotations on shots ({@code POST /annotations}, listed per shot) and the
 * gallery of a shooting ({@code GET /gallery?shooting_id=}: every shot with its current revision's status and images).
 */
@Component
public class ReviewRoutes extends RouteBuilder {

    private final JsonRequestReader reader;
    private final JsonResponses json;
    private final ShootingViews views;

    public ReviewRoutes(JsonRequestReader reader, JsonResponses json, ObjectMapper mapper) {
        this.reader = reader;
        this.json = json;
        this.views = new ShootingViews(mapper);
    }

    @Override
    public void configure() {
        rest("/annotations").tag("annotations")
            .post().id("rest.annotations.create")
                .description("Save a review note on a shot (its current revision unless revision_id is given), optionally pinned to a point of an image")
                .consumes("application/json").produces("application/json").type(ShotRequests.Annotate.class).outType(AnnotationPublic.class)
                .responseMessage().code(201).message("Annotation saved").responseModel(AnnotationPublic.class).endResponseMessage()
                .responseMessage().code(422).message("Validation error; shot not visible; revision or image not of that shot").endResponseMessage()
                .security(AuthRoutes.BEARER).to("direct:annotations.create")
            .get().id("rest.annotations.list").description("The annotations of one shot, oldest first")
                .produces("application/json")
                .param().name("shot_id").type(RestParamType.query).dataType("string").dataFormat("uuid").required(true).endParam()
                .responseMessage().code(200).message("{data: [AnnotationPublic], count}").endResponseMessage()
                .responseMessage().code(404).message("Shot not found").endResponseMessage()
                .security(AuthRoutes.BEARER).to("direct:annotations.list");
        rest("/shots").tag("shots")
            .get("/{shot_id}/annotations").id("rest.shots.annotations").description("The annotations of the shot, oldest first")
                .produces("application/json")
                .param().name("shot_id").type(RestParamType.path).dataType("string").dataFormat("uuid").endParam()
                .responseMessage().code(404).message("Shot not found").endResponseMessage()
                .security(AuthRoutes.BEARER).to("direct:shots.annotations");
        rest("/gallery").tag("gallery")
            .get().id("rest.gallery.get").description("The review gallery of a shooting: every shot, look by look, with its current revision's status and images")
                .produces("application/json")
                .param().name("shooting_id").type(RestParamType.query).dataType("string").dataFormat("uuid").required(true).endParam()
                .param().name("status").type(RestParamType.query).dataType("string").required(false)
                    .allowableValues(ShootingRoutes.names(ReviewRules.Status.values())).endParam()
                .responseMessage().code(200).message("{shooting_id, data: [ShotPublic], count}").endResponseMessage()
                .responseMessage().code(404).message("Shooting not found").endResponseMessage()
                .security(AuthRoutes.BEARER).to("direct:gallery.get");

        from("direct:annotations.create").routeId("annotations.create").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> {
                ShotRequests.Annotate note = reader.read(e.getMessage().getBody(String.class), ShotRequests.Annotate.class);
                e.setProperty("annotate", note);
                e.getMessage().setBody(new References().add("shot_id", "shot", note.shotId()));
            })
            .to("direct:shootings.references")
            .process(ReviewRoutes::insertParams)
            .to("sql:classpath:sql/backend/annotation-insert.sql?outputType=SelectOne")
            .filter(body().isNull())
                .throwException(new RequestValidationException(new FieldError(List.of("body"),
                        "revision_id and image_id must belong to the shot", "value_error")))
            .end()
            .process(e -> {
                Map<String, Object> params = Queries.params(e);
                params.put("shotId", e.getProperty("annotate", ShotRequests.Annotate.class).shotId().toString());
                // a single-column SelectOne answers the value itself
                params.put("annotationId", e.getMessage().getBody(String.class));
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/annotation-list.sql?outputType=SelectOne")
            .process(e -> e.getMessage().setBody(views.annotation(e.getMessage().getBody(Map.class))))
            .process(json.created());

        from("direct:annotations.list").routeId("annotations.list").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> e.getMessage().setHeader("shot_id", Queries.of(e).uuid("shot_id", "shotId", true).params().get("shotId")))
            .to("direct:annotations.of-shot");

        from("direct:shots.annotations").routeId("shots.annotations").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("shot_id", "Shot"))
            .to("direct:tenancy.scope")
            .to("direct:annotations.of-shot");

        from("direct:annotations.of-shot").routeId("annotations.of-shot").errorHandler(noErrorHandler())
            .to("direct:shots.read")
            .process(e -> {
                Map<String, Object> params = Queries.params(e);
                params.put("shotId", e.getProperty("shot", ShotPublic.class).id());
                params.put("annotationId", null);
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/annotation-list.sql")
            .process(e -> {
                List<Map<String, Object>> rows = e.getMessage().getBody(List.class);
                e.getMessage().setBody(Map.of("data", rows.stream().map(views::annotation).toList(), "count", rows.size()));
            })
            .process(json.ok());

        from("direct:gallery.get").routeId("gallery.get").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> {
                Map<String, Object> params = Queries.of(e).uuid("shooting_id", "shootingId", true)
                        .enumValue("status", "status", ReviewRules.Status.class).params();
                e.getMessage().setHeader("shooting_id", params.get("shootingId"));
                e.setProperty("galleryParams", params);
            })
            .to("direct:shootings.read")
            .setBody(exchangeProperty("galleryParams"))
            .to("sql:classpath:sql/backend/gallery.sql")
            .process(e -> {
                List<Map<String, Object>> rows = e.getMessage().getBody(List.class);
                e.getMessage().setBody(Map.of("shooting_id", e.getProperty("shooting", ShootingPublic.class).id(),
                        "data", rows.stream().map(views::shot).toList(), "count", rows.size()));
            })
            .process(json.ok());
    }

    private static void insertParams(Exchange exchange) {
        ShotRequests.Annotate note = exchange.getProperty("annotate", ShotRequests.Annotate.class);
        Map<String, Object> params = Queries.params(exchange);
        params.put("id", UUID.randomUUID().toString());
        params.put("shotId", note.shotId().toString());
        params.put("revisionId", note.revisionId() == null ? null : note.revisionId().toString());
        params.put("imageId", note.imageId() == null ? null : note.imageId().toString());
        params.put("text", note.text());
        params.put("x", note.x());
        params.put("y", note.y());
        exchange.getMessage().setBody(params);
    }
}
