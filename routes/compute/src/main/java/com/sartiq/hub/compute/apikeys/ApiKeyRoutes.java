package com.sartiq.hub.compute.apikeys;

import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import com.sartiq.hub.compute.config.ConditionalOnRole;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compute API keys ({@code /api/v1/api-keys}): create (the key is shown once), list, revoke. Any valid
 * key may manage keys: every caller of compute is a trusted service. Keys are stored as SHA-256 digests.
 */
@Component
@ConditionalOnRole("api")
public class ApiKeyRoutes extends RouteBuilder {

    private static final String API_KEY = "HTTPBearer";

    private final JsonRequestReader reader;
    private final JsonResponses json;

    public ApiKeyRoutes(JsonRequestReader reader, JsonResponses json) {
        this.reader = reader;
        this.json = json;
    }

    @Override
    public void configure() {
        rest("/api-keys").tag("api-keys").description("Bearer API keys of the compute API")
            .post().id("rest.api-keys.create")
                .description("Create a named key. The answer carries the key itself, which is never shown again (only its digest is stored)")
                .consumes("application/json").produces("application/json")
                .type(ApiKeyCreate.class).outType(ApiKeyView.class)
                .responseMessage().code(201).message("Key created; copy `key` now").responseModel(ApiKeyView.class).endResponseMessage()
                .responseMessage().code(409).message("A live key already has this name").endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage()
                .security(API_KEY)
                .to("direct:api-keys.create")
            .get().id("rest.api-keys.list")
                .description("All keys, revoked ones included, newest first (without the keys themselves)")
                .produces("application/json").outType(ApiKeyView[].class)
                .responseMessage().code(200).message("Keys").endResponseMessage()
                .security(API_KEY)
                .to("direct:api-keys.list")
            .delete("/{key_id}").id("rest.api-keys.revoke")
                .description("Revoke a key: requests bearing it are refused within hub.compute.api-key-cache-seconds")
                .produces("application/json").outType(ApiKeyView.class)
                .param().name("key_id").type(RestParamType.path).description("Key id (UUID)").endParam()
                .responseMessage().code(200).message("The key, now revoked").responseModel(ApiKeyView.class).endResponseMessage()
                .responseMessage().code(404).message("API key not found").endResponseMessage()
                .responseMessage().code(409).message("Already revoked").endResponseMessage()
                .security(API_KEY)
                .to("direct:api-keys.revoke");

        from("direct:api-keys.create").routeId("api-keys.create").routeConfigurationId(RestErrorHandling.ID)
            .process(this::newKey)
            .doTry()
                .to("sql:classpath:sql/compute/apikey-insert.sql?outputType=SelectOne")
            .doCatch(DuplicateKeyException.class)
                .setProperty("duplicate", constant(true))
            .end()
            .filter(exchangeProperty("duplicate").isEqualTo(true))
                .throwException(new ApiException(409, "A live API key with this name exists: revoke it first or choose another name"))
            .end()
            .process(e -> e.getMessage().setBody(ApiKeyView.fromRow(e.getMessage().getBody(Map.class), e.getProperty("key", String.class))))
            .log("API key ${body.name} (${body.prefix}…) created")
            .process(json.created());

        from("direct:api-keys.list").routeId("api-keys.list").routeConfigurationId(RestErrorHandling.ID)
            .to("sql:classpath:sql/compute/apikey-list.sql?outputType=SelectList")
            .process(e -> e.getMessage().setBody(((List<Map<String, Object>>) e.getMessage().getBody(List.class)).stream()
                    .map(row -> ApiKeyView.fromRow(row, null)).toList()))
            .process(json.ok());

        from("direct:api-keys.revoke").routeId("api-keys.revoke").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("key_id", "API key"))
            .to("sql:classpath:sql/compute/apikey-revoke.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("API key")).end()
            .filter(simple("${body[changed]} == false")).throwException(new ApiException(409, "API key already revoked")).end()
            .process(e -> e.getMessage().setBody(ApiKeyView.fromRow(e.getMessage().getBody(Map.class), null)))
            .log("API key ${body.name} (${body.prefix}…) revoked")
            .process(json.ok());
    }

    private void newKey(Exchange exchange) {
        ApiKeyCreate request = reader.read(exchange.getMessage().getBody(String.class), ApiKeyCreate.class);
        String key = ApiKeys.generate();
        exchange.setProperty("key", key);
        exchange.getMessage().setBody(Map.of("id", UUID.randomUUID().toString(), "name", request.name(), "prefix", ApiKeys.shown(key),
                "digest", ApiKeys.sha256(key)));
    }
}
