package com.sartiq.hub.backend.utils;

import com.sartiq.hub.backend.auth.AuthRoutes;
import com.sartiq.hub.backend.mail.Mail;
import com.sartiq.hub.backend.users.Message;
import com.sartiq.hub.backend.users.Users;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RequestValidationException;
import com.sartiq.hub.common.rest.RestErrorHandling;
import com.sartiq.hub.common.storage.StorageProperties;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The documented {@code /utils/} endpoints: liveness ({@code health-check}, true while the API
 * answers), the database ({@code db-check}), every dependency ({@code system-health-check}) and a
 * test e-mail (superusers).
 */
@Component
public class UtilsRoutes extends RouteBuilder {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final SystemHealth health;
    private final JsonResponses json;

    public UtilsRoutes(JdbcClient jdbc, StringRedisTemplate redis, S3Client s3, StorageProperties storage, JsonResponses json) {
        this.health = new SystemHealth(jdbc, redis, s3, storage);
        this.json = json;
    }

    @Override
    public void configure() {
        rest("/utils").tag("utils")
            .get("/health-check").id("rest.utils.health-check").description("Liveness: true while the API answers")
                .produces("application/json").outType(Boolean.class)
                .to("direct:utils.health-check")
            .get("/db-check").id("rest.utils.db-check").description("Database check: true when the database answers, else 503")
                .produces("application/json").outType(Boolean.class)
                .responseMessage().code(503).message("Database unavailable").endResponseMessage()
                .to("direct:utils.db-check")
            .get("/system-health-check").id("rest.utils.system-health-check")
                .description("Every dependency (database, Redis, storage) with its status and latency; always answers 200, "
                        + "status healthy or degraded")
                .produces("application/json")
                .to("direct:utils.system-health-check")
            .post("/test-email").id("rest.utils.test-email").description("Send a test e-mail (superusers only)")
                .produces("application/json").outType(Message.class)
                .param().name("email_to").type(RestParamType.query).required(true).description("Recipient").endParam()
                .responseMessage().code(201).message("Test email sent").responseModel(Message.class).endResponseMessage()
                .responseMessage().code(403).message("Not enough permissions").endResponseMessage()
                .responseMessage().code(503).message("The mail server did not take the e-mail").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:utils.test-email");

        from("direct:utils.health-check").routeId("utils.health-check")
            .removeHeaders("*")
            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
            .setBody(constant("true"));

        from("direct:utils.db-check").routeId("utils.db-check").routeConfigurationId(RestErrorHandling.ID)
            .filter(e -> !health.databaseUp()).throwException(ApiException.serviceUnavailable("Database unavailable")).end()
            .setBody(constant(Boolean.TRUE))
            .process(json.ok());

        from("direct:utils.system-health-check").routeId("utils.system-health-check").routeConfigurationId(RestErrorHandling.ID)
            .process(e -> e.getMessage().setBody(health.check()))
            .process(json.ok());

        from("direct:utils.test-email").routeId("utils.test-email").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(Users::requireSuperuser)
            .process(e -> {
                String to = e.getMessage().getHeader("email_to", String.class);
                if (to == null || !EMAIL.matcher(to.trim()).matches()) {
                    throw new RequestValidationException(new FieldError(List.of("query", "email_to"),
                            to == null ? "Field required" : "value is not a valid email address", to == null ? "missing" : "value_error"));
                }
                e.getMessage().setBody(new Mail(to.trim(), "Sartiq - Test email", "Test email from backend-hub: mail delivery works."));
            })
            .doTry()
                .to("direct:mail.send")
            .doCatch(Exception.class)
                .log(LoggingLevel.ERROR, "Test e-mail failed: ${exception.message}")
                .setProperty("mailFailed", constant(true))
            .end()
            .filter(exchangeProperty("mailFailed").isEqualTo(true))
                .throwException(ApiException.serviceUnavailable("The mail server did not take the e-mail"))
            .end()
            .setBody(constant(new Message("Test email sent")))
            .process(json.created());
    }
}
