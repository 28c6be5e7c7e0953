package com.sartiq.hub.backend.auth;

import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;


/** OAuth2 password login; the caller's own account is in {@code users.UsersRoutes}. */
@Component
public class AuthRoutes extends RouteBuilder {

    /** The OpenAPI security scheme of every authenticated backend path (FastAPI's name for it). */
    public static final String BEARER = "OAuth2PasswordBearer";

    private final Logins logins;
    private final JsonResponses json;

    public AuthRoutes(Logins logins, JsonResponses json) {
        this.logins = logins;
        this.json = json;
    }

    @Override
    public void configure() {
        rest("/login").tag("login")
            .securityDefinitions()
                .oauth2(BEARER, "OAuth2 password flow: the token from POST /api/v1/login/access-token as a bearer token")
                    .password("/api/v1/login/access-token")
                .end()
            .end()
            .post("/access-token").id("rest.login.access-token")
                .description("OAuth2 compatible token login: form fields username (the e-mail) and password; answers a bearer token for one hour")
                .consumes("application/x-www-form-urlencoded").produces("application/json").outType(AccessToken.class)
                .responseMessage().code(200).message("Token").responseModel(AccessToken.class).endResponseMessage()
                .responseMessage().code(401).message("Incorrect email or password").endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage()
                .to("direct:login.access-token")
            .post("/test-token").id("rest.login.test-token")
                .description("Test the bearer token: answers the user it belongs to")
                .produces("application/json").outType(UserPublic.class)
                .security(BEARER)
                .to("direct:users.me");

        from("direct:login.access-token").routeId("login.access-token").routeConfigurationId(RestErrorHandling.ID)
            .process(logins::readForm)
            .to("sql:classpath:sql/backend/user-by-email.sql?outputType=SelectOne")
            .process(e -> e.getMessage().setBody(logins.issueToken(e)))
            .log("User ${exchangeProperty.email} logged in")
            .process(json.ok());
    }
}
