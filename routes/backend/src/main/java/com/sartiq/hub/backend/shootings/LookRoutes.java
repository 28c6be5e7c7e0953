package com.sartiq.hub.backend.shootings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.backend.auth.AuthRoutes;
import com.sartiq.hub.backend.users.Message;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RequestValidationException;
import com.sartiq.hub.common.rest.RestErrorHandling;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Looks of a shooting ({@code POST/GET /shootings/{id}/looks}, {@code POST /shooting-looks},
 * {@code GET/PATCH/DELETE /shooting-looks/{id}}). Every catalog object a look names must be visible to the
 * caller (else 422 naming the field); writing a look creates one shot (with revision 1) per shot type, and a
 * change of shot types adds and removes shots to match.
 */
@Component
public class LookRoutes extends RouteBuilder {

    static final Set<String> FIELDS = Set.of("name", "main_product_id", "subject_id", "style_id", "shot_type_ids", "resolution_preset_id",
            "width", "height", "background_preset_id", "file_format", "outfit_id", "outfit");

    private final JsonRequestReader reader;
    private final JsonResponses json;
    private final ObjectMapper mapper;
    private final ShootingViews views;

    public LookRoutes(JsonRequestReader reader, JsonResponses json, ObjectMapper mapper) {
        this.reader = reader;
        this.json = json;
        this.mapper = mapper;
        this.views = new ShootingViews(mapper);
    }

    @Override
    public void configure() {
        rest("/shootings").tag("shootings")
            .post("/{shooting_id}/looks").id("rest.shootings.looks.create")
                .description("Add a look to a shooting: one shot per shot type is created with it")
                .consumes("application/json").produces("application/json").type(LookCreate.class).outType(LookPublic.class)
                .param().name("shooting_id").type(RestParamType.path).dataType("string").dataFormat("uuid").endParam()
                .responseMessage().code(201).message("Look created with its shots").responseModel(LookPublic.class).endResponseMessage()
                .responseMessage().code(404).message("Shooting not found").endResponseMessage()
                .responseMessage().code(422).message("Validation error, or a referenced object the caller cannot see").endResponseMessage()
                .security(AuthRoutes.BEARER).to("direct:looks.create")
            .get("/{shooting_id}/looks").id("rest.shootings.looks.list").description("The looks of a shooting, in creation order")
                .produces("application/json")
                .param().name("shooting_id").type(RestParamType.path).dataType("string").dataFormat("uuid").endParam()
                .param().name("skip").type(RestParamType.query).dataType("integer").required(false).endParam()
                .param().name("limit").type(RestParamType.query).dataType("integer").required(false).endParam()
                .responseMessage().code(200).message("{data: [LookPublic], count}").endResponseMessage()
                .responseMessage().code(404).message("Shooting not found").endResponseMessage()
                .security(AuthRoutes.BEARER).to("direct:looks.list");
        rest("/shooting-looks").tag("shooting-looks")
            .post().id("rest.shooting-looks.create").description("Add a look to the shooting named by shooting_id in the body")
                .consumes("application/json").produces("application/json").type(LookCreate.class).outType(LookPublic.class)
                .responseMessage().code(201).message("Look created with its shots").responseModel(LookPublic.class).endResponseMessage()
                .responseMessage().code(422).message("Validation error (shooting_id missing or not visible, references)").endResponseMessage()
                .security(AuthRoutes.BEARER).to("direct:shooting-looks.create")
            .get("/{look_id}").id("rest.shooting-looks.get").description("One look with its shots")
                .produces("application/json").outType(LookPublic.class)
                .param().name("look_id").type(RestParamType.path).dataType("string").dataFormat("uuid").endParam()
                .responseMessage().code(404).message("Look not found").endResponseMessage()
                .security(AuthRoutes.BEARER).to("direct:shooting-looks.get")
            .patch("/{look_id}").id("rest.shooting-looks.update")
                .description("Update a look: fields sent replace the stored ones; new shot types get shots, dropped ones lose theirs")
                .consumes("application/json").produces("application/json").type(LookCreate.class).outType(LookPublic.class)
                .param().name("look_id").type(RestParamType.path).dataType("string").dataFormat("uuid").endParam()
                .responseMessage().code(404).message("Look not found").endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage()
                .security(AuthRoutes.BEARER).to("direct:shooting-looks.update")
            .delete("/{look_id}").id("rest.shooting-looks.delete").description("Delete a look with its shots")
                .produces("application/json").outType(Message.class)
                .param().name("look_id").type(RestParamType.path).dataType("string").dataFormat("uuid").endParam()
                .responseMessage().code(404).message("Look not found").endResponseMessage()
                .security(AuthRoutes.BEARER).to("direct:shooting-looks.delete");

        from("direct:looks.create").routeId("looks.create").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("shooting_id", "Shooting"))
            .to("direct:tenancy.scope")
            .to("direct:shootings.read")
            .process(e -> e.setProperty("look", reader.read(e.getMessage().getBody(String.class), LookCreate.class)))
            .process(e -> e.setProperty("lookId", UUID.randomUUID().toString()))
            .to("direct:looks.write")
            .process(json.created());

        from("direct:shooting-looks.create").routeId("shooting-looks.create").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> {
                LookCreate look = reader.read(e.getMessage().getBody(String.class), LookCreate.class);
                if (look.shootingId() == null) {
                    throw new RequestValidationException(FieldError.body("shooting_id", "Field required", "missing"));
                }
                e.setProperty("look", look);
                e.getMessage().setHeader("shooting_id", look.shootingId().toString());
                e.getMessage().setBody(new References().add("shooting_id", "shooting", look.shootingId()));
            })
            .to("direct:shootings.references")
            .to("direct:shootings.read")
            .process(e -> e.setProperty("lookId", UUID.randomUUID().toString()))
            .to("direct:looks.write")
            .process(json.created());

        from("direct:looks.list").routeId("looks.list").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("shooting_id", "Shooting"))
            .to("direct:tenancy.scope")
            .to("direct:shootings.read")
            .process(e -> {
                Map<String, Object> params = Queries.of(e).paging().params();
                params.put("shootingId", e.getProperty("shooting", ShootingPublic.class).id());
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/look-list.sql")
            .process(e -> e.getMessage().setBody(Queries.page(e.getMessage().getBody(List.class), views::look)))
            .process(json.ok());

        from("direct:shooting-looks.get").routeId("shooting-looks.get").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("look_id", "Look"))
            .to("direct:tenancy.scope")
            .to("direct:looks.read")
            .process(json.ok());

        from("direct:shooting-looks.update").routeId("shooting-looks.update").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("look_id", "Look"))
            .to("direct:tenancy.scope")
            .setProperty("patch", body())
            .to("direct:looks.read")
            .process(this::mergePatch)
            .to("direct:shootings.read")
            .to("direct:looks.write")
            .process(json.ok());

        from("direct:shooting-looks.delete").routeId("shooting-looks.delete").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("look_id", "Look"))
            .to("direct:tenancy.scope")
            .to("direct:looks.read")
            .setBody(e -> Map.of("id", e.getProperty("lookId")))
            .to("sql:classpath:sql/backend/look-delete.sql")
            .setBody(constant(new Message("Look deleted successfully")))
            .process(json.ok());

        // property look (LookCreate), shooting (ShootingPublic), lookId, existing (true for an update)
        from("direct:looks.write").routeId("looks.write").errorHandler(noErrorHandler())
            .process(e -> checkShape(e.getProperty("look", LookCreate.class)))
            .setBody(e -> References.of(e.getProperty("look", LookCreate.class)))
            .to("direct:shootings.references")
            .filter(e -> e.getProperty("look", LookCreate.class).outfit() != null)
                .process(e -> {
                    e.setProperty("outfit", e.getProperty("look", LookCreate.class).outfit());
                    e.setProperty("outfitOrganization", e.getProperty("shooting", ShootingPublic.class).organizationId());
                })
                .to("direct:outfits.insert")
            .end()
            .process(this::writeParams)
            .choice()
                .when(exchangeProperty("existing").isEqualTo(true)).to("sql:classpath:sql/backend/look-update.sql")
                .otherwise().to("sql:classpath:sql/backend/look-insert.sql")
            .end()
            .setHeader("look_id", exchangeProperty("lookId"))
            .to("direct:looks.read")
            .log("Look ${body.id} of shooting ${body.shootingId} written with ${body.shots.size} shot(s)");

        from("direct:looks.read").routeId("looks.read").errorHandler(noErrorHandler())
            .process(e -> {
                Map<String, Object> params = Queries.params(e);
                params.put("id", e.getMessage().getHeader("look_id", String.class));
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/look-by-id.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Look")).end()
            .process(e -> {
                LookPublic look = views.look(e.getMessage().getBody(Map.class));
                e.setProperty("lookId", look.id());
                e.getMessage().setBody(look);
            });
    }

    private static void checkShape(LookCreate look) {
        List<FieldError> errors = new ArrayList<>();
        if ((look.width() == null) != (look.height() == null)) {
            errors.add(FieldError.body(look.width() == null ? "width" : "height", "width and height are given together (or neither)", "value_error"));
        }
        if (look.outfit() != null && look.outfitId() != null) {
            errors.add(FieldError.body("outfit", "outfit and outfit_id are mutually exclusive: send one of them", "value_error"));
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
    }

    private void mergePatch(Exchange exchange) {
        LookPublic current = exchange.getMessage().getBody(LookPublic.class);
        ObjectNode stored = mapper.createObjectNode();
        stored.put("name", current.name());
        stored.put("main_product_id", current.mainProductId());
        stored.put("subject_id", current.subjectId());
        stored.put("style_id", current.styleId());
        stored.set("shot_type_ids", mapper.valueToTree(current.shotTypeIds()));
        stored.put("resolution_preset_id", current.resolutionPresetId());
        stored.put("width", current.width());
        stored.put("height", current.height());
        stored.put("background_preset_id", current.backgroundPresetId());
        stored.put("file_format", current.fileFormat());
        stored.put("outfit_id", current.outfitId());
        ObjectNode patch = reader.readObject(exchange.getProperty("patch", String.class));
        ObjectNode merged = stored.deepCopy();
        patch.fields().forEachRemaining(f -> {
            if (FIELDS.contains(f.getKey())) {
                merged.set(f.getKey(), f.getValue());
            }
        });
        if (patch.hasNonNull("outfit") && !patch.has("outfit_id")) {
            merged.putNull("outfit_id");
        }
        exchange.setProperty("look", reader.read(merged, LookCreate.class));
        exchange.setProperty("existing", true);
        exchange.getMessage().setHeader("shooting_id", current.shootingId());
    }

    private void writeParams(Exchange exchange) throws Exception {
        LookCreate look = exchange.getProperty("look", LookCreate.class);
        Map<String, Object> params = Queries.params(exchange);
        params.put("id", exchange.getProperty("lookId"));
        params.put("shootingId", exchange.getProperty("shooting", ShootingPublic.class).id());
        params.put("name", look.name());
        params.put("mainProductId", text(look.mainProductId()));
        params.put("subjectId", text(look.subjectId()));
        params.put("styleId", text(look.styleId()));
        params.put("shotTypeIds", mapper.writeValueAsString(new LinkedHashSet<>(look.shotTypeIds().stream().map(UUID::toString).toList())));
        params.put("resolutionPresetId", text(look.resolutionPresetId()));
        params.put("width", look.width());
        params.put("height", look.height());
        params.put("backgroundPresetId", text(look.backgroundPresetId()));
        params.put("fileFormat", (look.fileFormat() == null ? LookCreate.FileFormat.JPEG : look.fileFormat()).name());
        params.put("outfitId", look.outfit() != null ? exchange.getProperty("outfitId") : text(look.outfitId()));
        exchange.getMessage().setBody(params);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
