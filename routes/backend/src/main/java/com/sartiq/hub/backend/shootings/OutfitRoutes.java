package com.sartiq.hub.backend.shootings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.backend.auth.AuthRoutes;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Outfits ({@code /outfits/}: list, create, read) and {@code direct:outfits.insert}, which the looks use for an
 * inline outfit: property {@code outfit} ({@link OutfitCreate}, products already checked), property
 * {@code outfitOrganization} (its tenant); sets property {@code outfitId}. Reference images are uploads ingested
 * through {@code direct:media.attach} (entity {@code OUTFIT}, slot {@code reference_images}); when one is
 * refused the outfit is removed again.
 */
@Component
public class OutfitRoutes extends RouteBuilder {

    static final String ENTITY = "OUTFIT";
    static final String SLOT = "reference_images";

    private final JsonRequestReader reader;
    private final JsonResponses json;
    private final ObjectMapper mapper;
    private final ShootingViews views;

    public OutfitRoutes(JsonRequestReader reader, JsonResponses json, ObjectMapper mapper) {
        this.reader = reader;
        this.json = json;
        this.mapper = mapper;
        this.views = new ShootingViews(mapper);
    }

    @Override
    public void configure() {
        rest("/outfits").tag("outfits")
            .get().id("rest.outfits.list").description("Outfits of the organization named by organization_id, or the caller's personal ones")
                .produces("application/json")
                .param().name("organization_id").type(RestParamType.query).dataType("string").dataFormat("uuid").required(false).endParam()
                .param().name("skip").type(RestParamType.query).dataType("integer").required(false).endParam()
                .param().name("limit").type(RestParamType.query).dataType("integer").required(false).endParam()
                .responseMessage().code(200).message("{data: [OutfitPublic], count}").endResponseMessage()
                .security(AuthRoutes.BEARER).to("direct:outfits.list")
            .post().id("rest.outfits.create").description("Create an outfit: additional products, reference images (uploaded file URLs), instruction")
                .consumes("application/json").produces("application/json").type(OutfitCreate.class).outType(OutfitPublic.class)
                .param().name("organization_id").type(RestParamType.query).dataType("string").dataFormat("uuid").required(false).endParam()
                .responseMessage().code(201).message("Outfit created").responseModel(OutfitPublic.class).endResponseMessage()
                .responseMessage().code(422).message("Validation error (products not visible, images not uploads)").endResponseMessage()
                .security(AuthRoutes.BEARER).to("direct:outfits.create")
            .get("/{outfit_id}").id("rest.outfits.get").description("One outfit")
                .produces("application/json").outType(OutfitPublic.class)
                .param().name("outfit_id").type(RestParamType.path).dataType("string").dataFormat("uuid").endParam()
                .responseMessage().code(404).message("Outfit not found").endResponseMessage()
                .security(AuthRoutes.BEARER).to("direct:outfits.get");

        from("direct:outfits.list").routeId("outfits.list").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> e.getMessage().setBody(Queries.of(e).paging().params()))
            .to("sql:classpath:sql/backend/outfit-list.sql")
            .setProperty("outfitRows", body())
            .process(e -> e.getMessage().setBody(urlsRequest(e.getProperty("outfitRows", List.class))))
            .to("direct:media.urls")
            .process(e -> {
                Map<?, ?> urls = e.getMessage().getBody(Map.class);
                e.getMessage().setBody(Queries.page(e.getProperty("outfitRows", List.class), row -> views.outfit(row, images(urls, row.get("id")))));
            })
            .process(json.ok());

        from("direct:outfits.create").routeId("outfits.create").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> {
                OutfitCreate outfit = reader.read(e.getMessage().getBody(String.class), OutfitCreate.class);
                e.setProperty("outfit", outfit);
                e.setProperty("outfitOrganization", e.getProperty("scope", com.sartiq.hub.backend.tenancy.Scope.class).organizationId());
                e.getMessage().setBody(new References().addAll("product_ids", "product", outfit.products()));
            })
            .to("direct:shootings.references")
            .to("direct:outfits.insert")
            .setHeader("outfit_id", exchangeProperty("outfitId"))
            .to("direct:outfits.read")
            .process(json.created());

        from("direct:outfits.get").routeId("outfits.get").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("outfit_id", "Outfit"))
            .to("direct:tenancy.scope")
            .to("direct:outfits.read")
            .process(json.ok());

        from("direct:outfits.read").routeId("outfits.read").errorHandler(noErrorHandler())
            .process(e -> {
                Map<String, Object> params = Queries.params(e);
                params.put("id", e.getMessage().getHeader("outfit_id", String.class));
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/outfit-by-id.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Outfit")).end()
            .setProperty("outfitRow", body())
            .process(e -> e.getMessage().setBody(urlsRequest(List.of(e.getProperty("outfitRow", Map.class)))))
            .to("direct:media.urls")
            .process(e -> {
                Map<String, Object> row = e.getProperty("outfitRow", Map.class);
                e.getMessage().setBody(views.outfit(row, images(e.getMessage().getBody(Map.class), row.get("id"))));
            });

        from("direct:outfits.insert").routeId("outfits.insert").errorHandler(noErrorHandler())
            .process(this::insertParams)
            .to("sql:classpath:sql/backend/outfit-insert.sql")
            .filter(e -> !e.getProperty("outfit", OutfitCreate.class).images().isEmpty())
                .doTry()
                    .process(OutfitRoutes::attachRequest)
                    .to("direct:media.attach")
                .doCatch(Exception.class)
                    .setProperty("attachFailure", exchangeProperty(Exchange.EXCEPTION_CAUGHT))
                    .log(LoggingLevel.INFO, "Outfit ${exchangeProperty.outfitId} not created: its images were refused (${exception.message})")
                    .setBody(e -> Map.of("id", e.getProperty("outfitId")))
                    .to("sql:classpath:sql/backend/outfit-delete.sql")
                .end()
                .process(e -> {
                    Exception failure = e.getProperty("attachFailure", Exception.class);
                    if (failure != null) {
                        throw failure;
                    }
                })
            .end();
    }

    private void insertParams(Exchange exchange) throws Exception {
        OutfitCreate outfit = exchange.getProperty("outfit", OutfitCreate.class);
        String id = UUID.randomUUID().toString();
        Map<String, Object> params = Queries.params(exchange);
        params.put("id", id);
        params.put("organizationId", exchange.getProperty("outfitOrganization"));
        params.put("name", outfit.name());
        params.put("instruction", outfit.instruction());
        params.put("productIds", mapper.writeValueAsString(outfit.products().stream().map(UUID::toString).toList()));
        exchange.setProperty("outfitId", id);
        exchange.getMessage().setBody(params);
    }

    private static void attachRequest(Exchange exchange) {
        List<String> images = exchange.getProperty("outfit", OutfitCreate.class).images();
        List<Map<String, Object>> slots = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Map<String, Object> slot = new LinkedHashMap<>();
            slot.put("slot", SLOT);
            slot.put("position", i);
            slot.put("url", images.get(i));
            slots.add(slot);
        }
        exchange.getMessage().setBody(Map.of("entity_type", ENTITY, "entity_id", exchange.getProperty("outfitId"), "slots", slots));
    }

    private static Map<String, Object> urlsRequest(List<?> rows) {
        List<Object> ids = rows.stream().map(r -> ((Map<?, ?>) r).get("id")).filter(java.util.Objects::nonNull).map(Object::toString).map(o -> (Object) o).toList();
        return Map.of("entity_type", ENTITY, "entity_ids", ids);
    }

    @SuppressWarnings("unchecked")
    private static List<String> images(Map<?, ?> urls, Object outfitId) {
        Map<String, Object> slots = (Map<String, Object>) urls.get(outfitId == null ? null : outfitId.toString());
        Object images = slots == null ? null : slots.get(SLOT);
        return images instanceof List<?> list ? (List<String>) list : images == null ? List.of() : List.of(images.toString());
    }
}
