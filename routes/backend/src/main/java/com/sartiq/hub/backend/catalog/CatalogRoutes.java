package com.sartiq.hub.backend.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.backend.auth.AuthRoutes;
import com.sartiq.hub.backend.utils.Paging;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.sql.SqlConstants;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The catalog: one set of documented REST verbs and routes per {@link CatalogResource} of
 * {@link CatalogResources#ALL} — list, create, get, update, delete — all of the same shape:
 * tenancy scope → request checks → one SQL statement → the documented answer. Route ids are
 * {@code <path>.<step>} ({@code products.list}, {@code tags.update}).
 */
@Component
@EnableConfigurationProperties(CatalogProperties.class)
public class CatalogRoutes extends RouteBuilder {

    /**
     * Runs the statement the handlers put in {@code CamelSqlQuery}; the endpoint's own text is never used.
     * The header is removed right after each call: left on the message it would override the query of
     * any later {@code sql:} endpoint (e.g. the media routes').
     */
    static final String SQL_LIST = "sql:select 1?outputType=SelectList";
    static final String SQL_ONE = "sql:select 1?outputType=SelectOne";
    static final String SQL_UPDATE = "sql:select 1";
    static final String REDIS = "spring-redis://redis?redisTemplate=#stringRedisTemplate&command=";

    private final JsonResponses json;
    private final CatalogBodies bodies;
    private final CatalogRows rows;
    private final ObjectMapper mapper;
    private final CatalogProperties properties;
    private final String keyPrefix;
    private final Map<String, CatalogHandlers> handlersByPath = new java.util.HashMap<>();

    public CatalogRoutes(JsonResponses json, JsonRequestReader reader, ObjectMapper mapper, CatalogProperties properties,
                         org.springframework.core.env.Environment environment) {
        this.json = json;
        this.mapper = mapper;
        this.bodies = new CatalogBodies(mapper, reader);
        this.rows = new CatalogRows(mapper);
        this.properties = properties;
        this.keyPrefix = environment.getProperty("hub.redis.key-prefix", "backend:") + "catalog:";
    }

    @Override
    public void configure() {
        for (CatalogResource resource : CatalogResources.ALL) {
            CatalogHandlers handlers = new CatalogHandlers(resource, new CatalogSql(resource, Column.stored(mapper, resource)),
                    Column.of(mapper, resource.createType()), bodies, rows);
            handlersByPath.put(resource.path(), handlers);
            documentVerbs(resource);
            routes(handlers);
        }
        cacheRoutes();
        from("direct:catalog.check-reference").routeId("catalog.check-reference").errorHandler(noErrorHandler())
            .setHeader(SqlConstants.SQL_QUERY, simple("${body[statement]}"))
            .setProperty("check", body())
            .to(SQL_ONE).removeHeader(SqlConstants.SQL_QUERY)
            .process(e -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> check = e.getProperty("check", Map.class);
                check.put("found", ((Number) e.getMessage().getBody()).longValue() > 0);
                e.getMessage().setBody(check);
            });
    }

    private void documentVerbs(CatalogResource r) {
        String plural = r.path().replace('-', ' ');
        RestDefinition rest = rest("/" + r.path()).tag(r.path()).description(r.description());
        rest.get().id("rest." + r.route("list"))
            .description("List " + plural + (r.global() ? " (public: no token needed)" : " of the organization named by organization_id, or the caller's personal ones"))
            .produces("application/json").outType(r.listType())
            .param().name("skip").type(RestParamType.query).dataType("integer").defaultValue("0").required(false).description("Rows to skip (≥ 0)").endParam()
            .param().name("limit").type(RestParamType.query).dataType("integer").defaultValue("100").required(false)
                .description("Page size (1–" + Paging.MAX_LIMIT + ")").endParam();
        if (!r.global()) {
            organizationParam(rest);
        }
        for (ListFilter filter : r.filters()) {
            var param = rest.param().name(filter.name()).type(RestParamType.query).required(false).description(filter.description());
            switch (filter.kind()) {
                case ENUM -> param.dataType("string").allowableValues(filter.allowedValues());
                case UUID -> param.dataType("string").dataFormat("uuid");
                default -> param.dataType("boolean").defaultValue("false");
            }
            param.endParam();
        }
        rest.responseMessage().code(200).message("A page of " + plural + ", newest first: {data, count}").responseModel(r.listType()).endResponseMessage()
            .responseMessage().code(404).message("Organization not found (or the caller is not a member)").endResponseMessage()
            .responseMessage().code(422).message("Bad skip, limit or filter value").endResponseMessage();
        if (!r.global()) {
            rest.security(AuthRoutes.BEARER);
        }
        rest.to("direct:" + r.route("list"));

        rest.post().id("rest." + r.route("create"))
            .description("Create a " + r.label().toLowerCase() + (r.global() ? " (superusers only)" : " in the organization named by organization_id, or personally"))
            .consumes("application/json").produces("application/json").type(r.createType()).outType(r.publicType());
        if (!r.global()) {
            organizationParam(rest);
        }
        rest.responseMessage().code(201).message(r.label() + " created").responseModel(r.publicType()).endResponseMessage();
        writeResponses(rest, r, false);
        rest.security(AuthRoutes.BEARER).to("direct:" + r.route("create"));

        rest.get("/{" + r.idParam() + "}").id("rest." + r.route("get"))
            .description("One " + r.label().toLowerCase() + " by id")
            .produces("application/json").outType(r.publicType());
        idParam(rest, r);
        rest.responseMessage().code(200).message(r.label()).responseModel(r.publicType()).endResponseMessage()
            .responseMessage().code(404).message(r.label() + " not found (or not visible to the caller)").endResponseMessage()
            .security(AuthRoutes.BEARER).to("direct:" + r.route("get"));

        if (r.update() != null) {
            (r.update().equals("PUT") ? rest.put("/{" + r.idParam() + "}") : rest.patch("/{" + r.idParam() + "}"))
                .id("rest." + r.route("update"))
                .description("Update a " + r.label().toLowerCase() + ": the fields sent replace the stored ones (null clears), the rest stay")
                .consumes("application/json").produces("application/json").type(r.createType()).outType(r.publicType());
            idParam(rest, r);
            rest.responseMessage().code(200).message(r.label() + " updated").responseModel(r.publicType()).endResponseMessage();
            writeResponses(rest, r, true);
            rest.security(AuthRoutes.BEARER).to("direct:" + r.route("update"));
        }
        if (r.deletable()) {
            rest.delete("/{" + r.idParam() + "}").id("rest." + r.route("delete"))
                .description("Delete a " + r.label().toLowerCase())
                .produces("application/json").outType(Message.class);
            idParam(rest, r);
            rest.responseMessage().code(200).message(r.label() + " deleted").responseModel(Message.class).endResponseMessage()
                .responseMessage().code(403).message("Not enough permissions (a published row of another tenant, or not a superuser)").endResponseMessage()
                .responseMessage().code(404).message(r.label() + " not found").endResponseMessage()
                .responseMessage().code(409).message("Still referenced by other rows").endResponseMessage()
                .security(AuthRoutes.BEARER).to("direct:" + r.route("delete"));
        }
    }

    private static void organizationParam(RestDefinition rest) {
        rest.param().name("organization_id").type(RestParamType.query).dataType("string").dataFormat("uuid").required(false)
            .description("Organization whose resources are meant (the caller must be a member); without it, the caller's personal ones").endParam();
    }

    private static void idParam(RestDefinition rest, CatalogResource r) {
        rest.param().name(r.idParam()).type(RestParamType.path).dataType("string").dataFormat("uuid").description(r.label() + " id").endParam();
    }

    private static void writeResponses(RestDefinition rest, CatalogResource r, boolean byId) {
        rest.responseMessage().code(403).message(r.global() ? "Not enough permissions (superusers only)"
                        : "Not enough permissions (publishing is for superusers" + (byId ? "; published rows of other tenants are read-only)" : ")")).endResponseMessage()
            .responseMessage().code(404).message(byId ? r.label() + " not found" : "Organization not found").endResponseMessage()
            .responseMessage().code(409).message("Conflicts with an existing row (unique field)").endResponseMessage()
            .responseMessage().code(422).message("Validation error: every bad field, and ids naming nothing visible").endResponseMessage();
    }

    private void routes(CatalogHandlers h) {
        CatalogResource r = h.resource();
        boolean cached = r.cached() && properties.cacheEnabled();

        RouteDefinition list = restRoute(r, "list");
        if (!r.global()) {
            list.to("direct:tenancy.scope");
        }
        list.process(h::listQuery);
        if (cached) {
            list.setProperty("cacheKey", constant(keyPrefix + r.path()))
                .enrich("direct:catalog.cache-get", (original, lookup) -> {
                    original.setProperty("cachedAnswer", lookup.getMessage().getBody(String.class));
                    return original;
                })
                .choice().when(exchangeProperty("cachedAnswer").isNotNull())
                    .process(e -> answerJson(e, e.getProperty("cachedAnswer", String.class)))
                .otherwise()
                    .to("direct:" + r.route("page")).process(json.ok())
                    .enrich("direct:catalog.cache-put", AggregationStrategies.useOriginal())
                .end();
        } else {
            list.to("direct:" + r.route("page")).process(json.ok());
        }
        RouteDefinition page = from("direct:" + r.route("page")).routeId(r.route("page")).errorHandler(noErrorHandler())
            .to(SQL_LIST).removeHeader(SqlConstants.SQL_QUERY).process(h::keepRows);
        withImageUrls(page, r).process(h::page);

        RouteDefinition create = restRoute(r, "create").to("direct:tenancy.scope")
            .process(h::requireWriteAccess)
            .process(h::readCreate);
        checkReferences(create, h);
        create.process(h::insertQuery).to(SQL_LIST).removeHeader(SqlConstants.SQL_QUERY).process(h::keepWritten)
            .log(LoggingLevel.DEBUG, r.label() + " ${exchangeProperty.id} created");
        if (!r.media().isEmpty()) {
            create.filter(method(h, "hasImages")).to("direct:" + r.route("attach-new")).end();
            // the images of a new row, or no row: a failed ingestion (not an upload, not an image, too big) removes it
            from("direct:" + r.route("attach-new")).routeId(r.route("attach-new")).errorHandler(noErrorHandler())
                .doTry()
                    .process(h::attachRequest).to("direct:media.attach")
                .doCatch(Exception.class)
                    .setProperty("attachFailure", exchangeProperty(Exchange.EXCEPTION_CAUGHT))
                    .log(LoggingLevel.INFO, r.label() + " ${exchangeProperty.id} not created: its images were refused (${exception.message})")
                    .process(h::deleteQuery).to(SQL_UPDATE).removeHeader(SqlConstants.SQL_QUERY)
                .end()
                .process(e -> {
                    Exception failure = e.getProperty("attachFailure", Exception.class);
                    if (failure != null) {
                        throw failure;
                    }
                });
        }
        withImageUrls(create, r).process(h::answerRow);
        evict(create, r).process(json.created());

        RouteDefinition get = restRoute(r, "get").to("direct:tenancy.scope")
            .process(h::byIdQuery).to(SQL_ONE).removeHeader(SqlConstants.SQL_QUERY).process(h::found);
        withImageUrls(get, r).process(h::answerRow).process(json.ok());

        if (r.update() != null) {
            RouteDefinition update = restRoute(r, "update").to("direct:tenancy.scope")
                .process(h::requireWriteAccess)
                .process(h::byIdQuery).to(SQL_ONE).removeHeader(SqlConstants.SQL_QUERY).process(h::found).process(h::requireWritable)
                .process(h::readUpdate);
            checkReferences(update, h);
            if (!r.media().isEmpty()) {
                // images first: if one is refused nothing has changed; attaching replaces only the slots sent
                update.filter(method(h, "hasImages")).process(h::attachRequest).to("direct:media.attach").end();
            }
            update.process(h::updateQuery).to(SQL_LIST).removeHeader(SqlConstants.SQL_QUERY).process(h::keepWritten);
            withImageUrls(update, r).process(h::answerRow);
            evict(update, r).process(json.ok());
        }
        if (r.deletable()) {
            RouteDefinition delete = restRoute(r, "delete").to("direct:tenancy.scope")
                .process(h::requireWriteAccess)
                .process(h::byIdQuery).to(SQL_ONE).removeHeader(SqlConstants.SQL_QUERY).process(h::found).process(h::requireWritable)
                .process(h::deleteQuery).to(SQL_UPDATE).removeHeader(SqlConstants.SQL_QUERY).process(h::deleted);
            evict(delete, r).process(json.ok());
        }
    }

    /** A route behind a REST verb: the shared error shape, plus 409 for unique or reference conflicts. */
    private RouteDefinition restRoute(CatalogResource r, String step) {
        RouteDefinition route = from("direct:" + r.route(step)).routeId(r.route(step)).routeConfigurationId(RestErrorHandling.ID);
        route.onException(DuplicateKeyException.class).handled(true)
                .setBody(constant(Map.of("detail", r.label() + " already exists (unique field taken)"))).process(json.status(409))
            .end()
            .onException(DataIntegrityViolationException.class).handled(true)
                .log(LoggingLevel.WARN, "Integrity conflict on " + r.path() + ": ${exception.message}")
                .setBody(constant(Map.of("detail", r.label() + " conflicts with related rows"))).process(json.status(409))
            .end();
        return route;
    }

    /** For resources with images: their CDN URLs into the kept row(s), from the media attachments. */
    private RouteDefinition withImageUrls(RouteDefinition route, CatalogResource r) {
        if (r.media().isEmpty()) {
            return route;
        }
        CatalogHandlers h = handlersByPath.get(r.path());
        return route.process(h::urlsRequest).to("direct:media.urls").process(h::withUrls);
    }

    private void checkReferences(RouteDefinition route, CatalogHandlers h) {
        if (h.resource().references().isEmpty()) {
            return;
        }
        route.setProperty("referenceChecks", method(h, "references"))
            .split(exchangeProperty("referenceChecks")).to("direct:catalog.check-reference").end()
            .process(h::referencesFound);
    }

    private RouteDefinition evict(RouteDefinition route, CatalogResource r) {
        if (r.cached() && properties.cacheEnabled()) {
            route.setProperty("cacheKey", constant(keyPrefix + r.path()))
                .enrich("direct:catalog.cache-evict", AggregationStrategies.useOriginal());
        }
        return route;
    }

    /**
     * Cached lists live in one Redis hash per resource (field = tenant + query), so a write evicts the
     * resource's answers with one DEL. Redis trouble never fails a request: the answer comes from the
     * database and the failure is logged.
     */
    private void cacheRoutes() {
        from("direct:catalog.cache-get").routeId("catalog.cache-get").errorHandler(noErrorHandler())
            // a miss leaves the body as it is: start from nothing
            .setBody(constant(null))
            .doTry()
                .setHeader("CamelRedis.Key", exchangeProperty("cacheKey"))
                .setHeader("CamelRedis.Field", exchangeProperty("cacheField"))
                .to(REDIS + "HGET")
            .doCatch(Exception.class)
                .log(LoggingLevel.WARN, "Catalog cache unavailable (${exception.message}): reading the database")
                .setBody(constant(null))
            .end();

        from("direct:catalog.cache-put").routeId("catalog.cache-put").errorHandler(noErrorHandler())
            .doTry()
                .setHeader("CamelRedis.Key", exchangeProperty("cacheKey"))
                .setHeader("CamelRedis.Field", exchangeProperty("cacheField"))
                .setHeader("CamelRedis.Value", body())
                .to(REDIS + "HSET")
                .setHeader("CamelRedis.Timeout", constant(properties.cacheTtlSeconds()))
                .to(REDIS + "EXPIRE")
            .doCatch(Exception.class)
                .log(LoggingLevel.WARN, "Catalog cache not written: ${exception.message}")
            .end();

        from("direct:catalog.cache-evict").routeId("catalog.cache-evict").errorHandler(noErrorHandler())
            .doTry()
                .setHeader("CamelRedis.Keys", exchangeProperty("cacheKey").convertTo(List.class))
                .to(REDIS + "DEL")
            .doCatch(Exception.class)
                // the entry outlives the write by at most the TTL
                .log(LoggingLevel.ERROR, "Catalog cache ${exchangeProperty.cacheKey} not evicted: ${exception.message}")
            .end();
    }

    private static void answerJson(Exchange exchange, String body) {
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(body);
    }
}
