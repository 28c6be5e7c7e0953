package com.sartiq.hub.backend.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.backend.auth.AuthRoutes;
import com.sartiq.hub.backend.catalog.CatalogRows;
import com.sartiq.hub.backend.catalog.schema.ProductPublic;
import com.sartiq.hub.backend.catalog.schema.SubjectPublic;
import com.sartiq.hub.backend.tenancy.Scope;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Global search ({@code GET /api/v1/search/}): the caller's products and subjects whose names contain
 * the text, up to {@code limit} of each type, newest first. Shootings and looks join when they exist.
 */
@Component
public class SearchRoutes extends RouteBuilder {

    private final JsonResponses json;
    private final CatalogRows rows;

    public SearchRoutes(JsonResponses json, ObjectMapper mapper) {
        this.json = json;
        this.rows = new CatalogRows(mapper);
    }

    @Override
    public void configure() {
        rest("/search").tag("search")
            .get().id("rest.search")
                .description("Search the caller's space (organization_id, or personal) by name: products (name or SKU) and subjects")
                .produces("application/json").outType(SearchResultsPublic.class)
                .param().name("q").type(RestParamType.query).dataType("string").required(true).description("Text to find (1–200 characters, case-insensitive)").endParam()
                .param().name("limit").type(RestParamType.query).dataType("integer").defaultValue("5").required(false).description("Results per resource type (1–50)").endParam()
                .param().name("organization_id").type(RestParamType.query).dataType("string").dataFormat("uuid").required(false)
                    .description("Organization to search (the caller must be a member); without it, the caller's personal resources").endParam()
                .responseMessage().code(200).message("Results: {results: [{resource_type, data}], count}").responseModel(SearchResultsPublic.class).endResponseMessage()
                .responseMessage().code(404).message("Organization not found").endResponseMessage()
                .responseMessage().code(422).message("Missing or bad q or limit").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:search.run");

        from("direct:search.run").routeId("search.run").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> e.getMessage().setBody(SearchQuery.params(e.getMessage().getHeader("q", String.class),
                    e.getMessage().getHeader("limit", String.class), e.getProperty(Scope.PROPERTY, Scope.class))))
            .setProperty("searchParams", body())
            .to("sql:classpath:sql/backend/search-products.sql")
            .setProperty("products", body())
            .setBody(e -> urlsRequest("PRODUCT", e.getProperty("products", List.class)))
            .to("direct:media.urls")
            .process(e -> withCoverUrls(e.getProperty("products", List.class), e.getMessage().getBody(Map.class), "cover_image", "back_image"))
            .setBody(exchangeProperty("searchParams"))
            .to("sql:classpath:sql/backend/search-subjects.sql")
            .setProperty("subjects", body())
            .setBody(e -> urlsRequest("SUBJECT", e.getProperty("subjects", List.class)))
            .to("direct:media.urls")
            .process(e -> withCoverUrls(e.getProperty("subjects", List.class), e.getMessage().getBody(Map.class), "cover_image"))
            .process(this::results)
            .process(json.ok());
    }

    /** The {@code direct:media.urls} request for the found rows' images. */
    private static Map<String, Object> urlsRequest(String entityType, List<Map<String, Object>> found) {
        return Map.of("entity_type", entityType, "entity_ids", found.stream().map(row -> String.valueOf(row.get("id"))).toList());
    }

    /** Image URLs ({@code <slot>_url}) into the found rows, as the resources' own endpoints show them. */
    @SuppressWarnings("unchecked")
    private static void withCoverUrls(List<Map<String, Object>> found, Map<String, Map<String, Object>> urls, String... slots) {
        for (Map<String, Object> row : found) {
            Map<String, Object> own = urls.getOrDefault(String.valueOf(row.get("id")), Map.of());
            for (String slot : slots) {
                row.put(slot + "_url", own.get(slot));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void results(Exchange exchange) {
        List<SearchResult> results = new ArrayList<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) exchange.getProperty("products", List.class)) {
            results.add(new SearchResult("product", rows.toPublic(row, ProductPublic.class)));
        }
        for (Map<String, Object> row : (List<Map<String, Object>>) exchange.getProperty("subjects", List.class)) {
            results.add(new SearchResult("subject", rows.toPublic(row, SubjectPublic.class)));
        }
        exchange.getMessage().setBody(new SearchResultsPublic(results, results.size()));
    }
}
