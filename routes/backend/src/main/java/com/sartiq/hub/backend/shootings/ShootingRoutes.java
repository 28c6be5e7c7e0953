package com.sartiq.hub.backend.shootings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.backend.auth.AuthRoutes;
import com.sartiq.hub.backend.users.Message;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Shootings (spec §3.5): list, create with the phase rules of {@link ShootingRules}, read, update, delete;
 * scoped like every tenant resource (tenancy/README.md: another tenant's shooting is 404).
 *
 * <p>Shared with the other shootings routes: {@code direct:shootings.read} (header {@code shooting_id},
 * property {@code scope}) sets property {@code shooting} ({@link ShootingPublic}) or throws 404;
 * {@code direct:shootings.references} (body {@link References}) throws the 422 for ids the caller cannot see.
 */
@Component
public class ShootingRoutes extends RouteBuilder {

    static final Set<String> FIELDS = Set.of("name", "description", "due_date", "archived", "season", "collection", "brand",
            "shooting_type", "phase", "require_test_shooting", "default_guidelines_id", "default_guidelines");

    private final JsonRequestReader reader;
    private final JsonResponses json;
    private final ObjectMapper mapper;
    private final ShootingViews views;

    public ShootingRoutes(JsonRequestReader reader, JsonResponses json, ObjectMapper mapper) {
        this.reader = reader;
        this.json = json;
        this.mapper = mapper;
        this.views = new ShootingViews(mapper);
    }

    @Override
    public void configure() {
        RestDefinition rest = rest("/shootings").tag("shootings");
        rest.get().id("rest.shootings.list").description("Shootings of the organization named by organization_id, or the caller's personal ones, newest first")
            .produces("application/json")
            .param().name("skip").type(RestParamType.query).dataType("integer").defaultValue("0").required(false).endParam()
            .param().name("limit").type(RestParamType.query).dataType("integer").defaultValue("100").required(false).endParam()
            .param().name("archived").type(RestParamType.query).dataType("boolean").required(false).description("Only archived (true) or active (false) ones").endParam()
            .param().name("phase").type(RestParamType.query).dataType("string").required(false).allowableValues(names(Phase.values())).endParam();
        organization(rest).responseMessage().code(200).message("{data: [ShootingPublic], count}").endResponseMessage()
            .responseMessage().code(422).message("Bad query parameter").endResponseMessage()
            .security(AuthRoutes.BEARER).to("direct:shootings.list");
        rest.post().id("rest.shootings.create")
            .description("Create a shooting. Phase BRIEF or PRODUCTION only (default PRODUCTION, BRIEF with require_test_shooting); "
                    + "PRODUCTION opens the MAIN production at once; default_guidelines and default_guidelines_id are mutually exclusive")
            .consumes("application/json").produces("application/json").type(ShootingCreate.class).outType(ShootingPublic.class);
        organization(rest).responseMessage().code(201).message("Shooting created").responseModel(ShootingPublic.class).endResponseMessage()
            .responseMessage().code(404).message("Organization not found").endResponseMessage()
            .responseMessage().code(422).message("Validation error (phase rules, guidelines not visible)").endResponseMessage()
            .security(AuthRoutes.BEARER).to("direct:shootings.create");
        byId(rest.get("/{shooting_id}").id("rest.shootings.get").description("One shooting with its productions")
            .produces("application/json").outType(ShootingPublic.class)).to("direct:shootings.get");
        byId(rest.patch("/{shooting_id}").id("rest.shootings.update")
            .description("Update a shooting: fields sent replace the stored ones. Moving to TEST_SHOOTING opens the TEST production, "
                    + "to PRODUCTION the MAIN one (409 while require_test_shooting and no TEST production exists)")
            .consumes("application/json").produces("application/json").type(ShootingCreate.class).outType(ShootingPublic.class))
            .responseMessage().code(409).message("A test shooting is required before production").endResponseMessage()
            .responseMessage().code(422).message("Validation error").endResponseMessage()
            .to("direct:shootings.update");
        byId(rest.delete("/{shooting_id}").id("rest.shootings.delete").description("Delete a shooting with its looks, shots and reviews")
            .produces("application/json").outType(Message.class)).to("direct:shootings.delete");

        from("direct:shootings.list").routeId("shootings.list").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> e.getMessage().setBody(Queries.of(e).paging().bool("archived", "archived").enumValue("phase", "phase", Phase.class).params()))
            .to("sql:classpath:sql/backend/shooting-list.sql")
            .process(e -> e.getMessage().setBody(Queries.page(e.getMessage().getBody(List.class), views::shooting)))
            .process(json.ok());

        from("direct:shootings.create").routeId("shootings.create").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> e.setProperty("decision", ShootingRules.onCreate(reader.read(e.getMessage().getBody(String.class), ShootingCreate.class))))
            .setBody(e -> guidelinesReference(e.getProperty("decision", ShootingRules.Decision.class)))
            .to("direct:shootings.references")
            .process(e -> e.getMessage().setBody(writeParams(e, UUID.randomUUID().toString())))
            .to("sql:classpath:sql/backend/shooting-insert.sql")
            .to("direct:shootings.read")
            .log("Shooting ${exchangeProperty.shooting.id} created in phase ${exchangeProperty.shooting.phase}")
            .setBody(exchangeProperty("shooting"))
            .process(json.created());

        from("direct:shootings.get").routeId("shootings.get").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("shooting_id", "Shooting"))
            .to("direct:tenancy.scope")
            .to("direct:shootings.read")
            .setBody(exchangeProperty("shooting"))
            .process(json.ok());

        from("direct:shootings.update").routeId("shootings.update").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("shooting_id", "Shooting"))
            .to("direct:tenancy.scope")
            .setProperty("patch", body())
            .to("direct:shootings.read")
            .process(this::decideUpdate)
            .setBody(e -> guidelinesReference(e.getProperty("decision", ShootingRules.Decision.class)))
            .to("direct:shootings.references")
            .process(e -> e.getMessage().setBody(writeParams(e, e.getProperty("shooting", ShootingPublic.class).id())))
            .to("sql:classpath:sql/backend/shooting-update.sql")
            .to("direct:shootings.read")
            .setBody(exchangeProperty("shooting"))
            .process(json.ok());

        from("direct:shootings.delete").routeId("shootings.delete").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("shooting_id", "Shooting"))
            .to("direct:tenancy.scope")
            .to("direct:shootings.read")
            .process(e -> {
                Map<String, Object> params = Queries.params(e);
                params.put("id", e.getProperty("shooting", ShootingPublic.class).id());
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/shooting-delete.sql")
            .log("Shooting ${exchangeProperty.shooting.id} deleted")
            .setBody(constant(new Message("Shooting deleted successfully")))
            .process(json.ok());

        from("direct:shootings.read").routeId("shootings.read").errorHandler(noErrorHandler())
            .setProperty("shootingRequest", body())
            .process(e -> {
                Map<String, Object> params = Queries.params(e);
                params.put("id", e.getMessage().getHeader("shooting_id", String.class));
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/shooting-by-id.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Shooting")).end()
            .process(e -> e.setProperty("shooting", views.shooting(e.getMessage().getBody(Map.class))))
            .setBody(exchangeProperty("shootingRequest"))
            .removeProperty("shootingRequest");

        from("direct:shootings.references").routeId("shootings.references").errorHandler(noErrorHandler())
            .filter(e -> !e.getMessage().getBody(References.class).isEmpty())
                .process(e -> {
                    Map<String, Object> params = Queries.params(e);
                    params.put("refs", mapper.writeValueAsString(e.getMessage().getBody(References.class).refs()));
                    e.getMessage().setBody(params);
                })
                .to("sql:classpath:sql/backend/shooting-references-missing.sql")
                .process(e -> References.requireNone(e.getMessage().getBody(List.class)))
            .end();
    }

    private void decideUpdate(Exchange exchange) {
        ShootingPublic current = exchange.getProperty("shooting", ShootingPublic.class);
        ObjectNode stored = mapper.valueToTree(new ShootingCreate(current.name(), current.description(), current.dueDate(), current.archived(),
                current.season(), current.collection(), current.brand(), ShootingCreate.ShootingType.valueOf(current.shootingType()),
                Phase.valueOf(current.phase()), current.requireTestShooting(),
                current.defaultGuidelinesId() == null ? null : UUID.fromString(current.defaultGuidelinesId()),
                current.defaultGuidelines() instanceof ObjectNode inline ? inline : null));
        ObjectNode patch = reader.readObject(exchange.getProperty("patch", String.class));
        ShootingCreate merged = reader.read(ShootingRules.merge(stored, patch, FIELDS), ShootingCreate.class);
        Set<String> productions = current.productions().stream().map(ShootingPublic.Production::kind).collect(Collectors.toSet());
        exchange.setProperty("decision", ShootingRules.onUpdate(merged, productions));
    }

    private static References guidelinesReference(ShootingRules.Decision decision) {
        return new References().add("default_guidelines_id", "guideline", decision.shooting().defaultGuidelinesId());
    }

    private Map<String, Object> writeParams(Exchange exchange, String id) throws Exception {
        ShootingRules.Decision decision = exchange.getProperty("decision", ShootingRules.Decision.class);
        ShootingCreate s = decision.shooting();
        Map<String, Object> params = Queries.params(exchange);
        params.put("id", id);
        params.put("name", s.name());
        params.put("description", s.description());
        params.put("dueDate", s.dueDate().toString());
        params.put("archived", s.archived());
        params.put("season", s.season());
        params.put("collection", s.collection());
        params.put("brand", s.brand());
        params.put("shootingType", s.shootingType().name());
        params.put("phase", s.phase().name());
        params.put("requireTestShooting", s.requireTestShooting());
        params.put("defaultGuidelinesId", s.defaultGuidelinesId() == null ? null : s.defaultGuidelinesId().toString());
        params.put("defaultGuidelines", s.defaultGuidelines() == null ? null : mapper.writeValueAsString(s.defaultGuidelines()));
        params.put("addProductions", String.join(",", decision.productionsToAdd()));
        exchange.getMessage().setHeader("shooting_id", id);
        return params;
    }

    private static RestDefinition organization(RestDefinition rest) {
        return rest.param().name("organization_id").type(RestParamType.query).dataType("string").dataFormat("uuid").required(false)
            .description("Organization whose shootings are meant (the caller must be a member); without it, the caller's personal ones").endParam();
    }

    private static RestDefinition byId(RestDefinition rest) {
        return rest.param().name("shooting_id").type(RestParamType.path).dataType("string").dataFormat("uuid").description("Shooting id").endParam()
            .responseMessage().code(200).message("The shooting").endResponseMessage()
            .responseMessage().code(404).message("Shooting not found (or not visible to the caller)").endResponseMessage()
            .security(AuthRoutes.BEARER);
    }

    static String[] names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
