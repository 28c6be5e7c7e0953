package com.sartiq.hub.backend.users;

import com.sartiq.hub.backend.auth.AuthRoutes;
import com.sartiq.hub.backend.auth.Logins;
import com.sartiq.hub.backend.auth.UserPublic;
import com.sartiq.hub.backend.utils.Paging;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The caller's account ({@code users/me}, password change), password recovery by e-mail, and user
 * administration for superusers. {@code users/me} is served from the Redis cache; every write to a
 * user evicts it (and the token version the resource server checks).
 */
@Component
public class UsersRoutes extends RouteBuilder {

    private static final String EMAIL_TAKEN = "User with this email already exists";
    private static final String USER_NOT_FOUND = "The user with this id does not exist in the system";

    private final Users users;
    private final Logins logins;
    private final JsonRequestReader reader;
    private final JsonResponses json;

    public UsersRoutes(Users users, Logins logins, JsonRequestReader reader, JsonResponses json) {
        this.users = users;
        this.logins = logins;
        this.reader = reader;
        this.json = json;
    }

    @Override
    public void configure() {
        rest("/users").tag("users")
            .get().id("rest.users.list").description("Users, oldest first (superusers only)")
                .produces("application/json").outType(UsersPublic.class)
                .param().name("skip").type(RestParamType.query).dataType("integer").defaultValue("0").required(false).endParam()
                .param().name("limit").type(RestParamType.query).dataType("integer").defaultValue("100").required(false).endParam()
                .param().name("search").type(RestParamType.query).description("Part of the e-mail or full name").required(false).endParam()
                .responseMessage().code(403).message("Not enough permissions").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:users.list")
            .post().id("rest.users.create").description("Create a user (superusers only)")
                .consumes("application/json").produces("application/json").type(UserCreate.class).outType(UserPublic.class)
                .responseMessage().code(200).message("The new user").responseModel(UserPublic.class).endResponseMessage()
                .responseMessage().code(403).message("Not enough permissions").endResponseMessage()
                .responseMessage().code(409).message("The user with this email already exists in the system").endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:users.create")
            .get("/me").id("rest.users.me").description("The current user").produces("application/json").outType(UserPublic.class)
                .security(AuthRoutes.BEARER)
                .to("direct:users.me")
            .patch("/me").id("rest.users.update-me").description("Update the current user's full name or e-mail")
                .consumes("application/json").produces("application/json").type(UserUpdateMe.class).outType(UserPublic.class)
                .responseMessage().code(409).message(EMAIL_TAKEN).endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:users.update-me")
            .patch("/me/password").id("rest.users.update-password")
                .description("Change the current user's password; every token issued before stops working (log in again)")
                .consumes("application/json").produces("application/json").type(UpdatePassword.class).outType(Message.class)
                .responseMessage().code(400).message("Incorrect password / new password equal to the current one").endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:users.update-password")
            .get("/{user_id}").id("rest.users.get").description("A user: oneself, or anyone for superusers")
                .produces("application/json").outType(UserPublic.class)
                .param().name("user_id").type(RestParamType.path).description("User id (UUID)").endParam()
                .responseMessage().code(403).message("Not enough permissions").endResponseMessage()
                .responseMessage().code(404).message("User not found").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:users.get")
            .patch("/{user_id}").id("rest.users.update")
                .description("Update a user (superusers only); a new password or a deactivation revokes the user's tokens")
                .consumes("application/json").produces("application/json").type(UserUpdate.class).outType(UserPublic.class)
                .param().name("user_id").type(RestParamType.path).description("User id (UUID)").endParam()
                .responseMessage().code(403).message("Not enough permissions").endResponseMessage()
                .responseMessage().code(404).message(USER_NOT_FOUND).endResponseMessage()
                .responseMessage().code(409).message(EMAIL_TAKEN).endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:users.update")
            .delete("/{user_id}").id("rest.users.delete").description("Delete a user (superusers only, not themselves)")
                .produces("application/json").outType(Message.class)
                .param().name("user_id").type(RestParamType.path).description("User id (UUID)").endParam()
                .responseMessage().code(403).message("Not enough permissions").endResponseMessage()
                .responseMessage().code(404).message(USER_NOT_FOUND).endResponseMessage()
                .responseMessage().code(409).message("The user still owns resources: deactivate it instead").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:users.delete");
        rest("/password-recovery").tag("login")
            .post("/{email}").id("rest.password-recovery")
                .description("E-mail a password reset token to the address if it belongs to an active user; "
                        + "the answer is the same either way, so it does not tell which addresses are registered")
                .produces("application/json").outType(Message.class)
                .param().name("email").type(RestParamType.path).description("The account's e-mail").endParam()
                .to("direct:users.password-recovery");
        rest("/reset-password").tag("login")
            .post().id("rest.reset-password").description("Set a new password with the token from the recovery e-mail (single use)")
                .consumes("application/json").produces("application/json").type(NewPassword.class).outType(Message.class)
                .responseMessage().code(400).message("Invalid token").endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage()
                .to("direct:users.reset-password");

        from("direct:users.me").routeId("users.me").routeConfigurationId(RestErrorHandling.ID)
            .process(logins::identify)
            .process(e -> e.getMessage().setBody(users.cachedMe(e.getProperty("userId", String.class)).orElse(null)))
            .filter(body().isNull())
                .to("sql:classpath:sql/backend/user-by-id.sql?outputType=SelectOne")
                .filter(body().isNull()).throwException(ApiException.unauthorized("Could not validate credentials")).end()
                .process(e -> {
                    UserPublic user = UserPublic.fromRow(e.getMessage().getBody(Map.class));
                    users.cacheMe(user);
                    e.getMessage().setBody(user);
                })
            .end()
            .filter(simple("${body.isActive} == false")).throwException(new ApiException(400, "Inactive user")).end()
            .process(json.ok());

        from("direct:users.update-me").routeId("users.update-me").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> {
                UserUpdateMe update = reader.read(e.getMessage().getBody(String.class), UserUpdateMe.class);
                e.getMessage().setBody(users.updateParams(Users.scope(e).userId(), new UserUpdate(update.email(), null, update.fullName(), null, null)));
            })
            .to("direct:users.write");

        from("direct:users.update-password").routeId("users.update-password").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> e.setProperty("change", reader.read(e.getMessage().getBody(String.class), UpdatePassword.class)))
            .setBody(e -> Map.of("id", Users.scope(e).userId()))
            .to("sql:classpath:sql/backend/user-get.sql?outputType=SelectOne")
            .process(e -> e.getMessage().setBody(users.passwordChangeParams(e.getMessage().getBody(Map.class), e.getProperty("change", UpdatePassword.class))))
            .to("sql:classpath:sql/backend/user-update.sql?outputType=SelectOne")
            .process(e -> users.evict(Users.scope(e).userId()))
            .log("User ${exchangeProperty.scope.userId} changed their password; earlier tokens are revoked")
            .setBody(constant(new Message("Password updated successfully")))
            .process(json.ok());

        from("direct:users.list").routeId("users.list").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(Users::requireSuperuser)
            .process(e -> {
                Map<String, Object> params = Paging.of(e).addTo(new HashMap<>());
                params.put("search", Users.searchPattern(e.getMessage().getHeader("search", String.class)));
                e.getMessage().setBody(params);
                e.setProperty("params", params);
            })
            .to("sql:classpath:sql/backend/user-list.sql")
            .setProperty("rows", body())
            .setBody(exchangeProperty("params"))
            .to("sql:classpath:sql/backend/user-count.sql?outputType=SelectOne")
            .process(e -> e.getMessage().setBody(Paging.page(Users.publicUsers(e.getProperty("rows", List.class)),
                    e.getMessage().getBody(Long.class))))
            .process(json.ok());

        from("direct:users.create").routeId("users.create").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(Users::requireSuperuser)
            .process(e -> e.getMessage().setBody(users.createParams(reader.read(e.getMessage().getBody(String.class), UserCreate.class))))
            .to("sql:classpath:sql/backend/user-insert.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(new ApiException(409, "The user with this email already exists in the system")).end()
            .process(e -> e.getMessage().setBody(UserPublic.fromRow(e.getMessage().getBody(Map.class))))
            .log("User ${body.email} created by ${exchangeProperty.scope.userId}")
            .process(json.ok());

        from("direct:users.get").routeId("users.get").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("user_id", "User"))
            .to("direct:tenancy.scope")
            .process(Users::requireSelfOrSuperuser)
            .setBody(e -> Map.of("id", e.getMessage().getHeader("user_id")))
            .to("sql:classpath:sql/backend/user-get.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(new ApiException(404, USER_NOT_FOUND)).end()
            .process(e -> e.getMessage().setBody(UserPublic.fromRow(e.getMessage().getBody(Map.class))))
            .process(json.ok());

        from("direct:users.update").routeId("users.update").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("user_id", "User"))
            .to("direct:tenancy.scope")
            .process(Users::requireSuperuser)
            .process(e -> e.getMessage().setBody(users.updateParams(e.getMessage().getHeader("user_id", String.class),
                    reader.read(e.getMessage().getBody(String.class), UserUpdate.class))))
            .to("direct:users.write");

        // an update of a user row: e-mail conflicts are a 409, the caches are evicted
        from("direct:users.write").routeId("users.write").errorHandler(noErrorHandler())
            .setProperty("userId", simple("${body[id]}"))
            .doTry()
                .to("sql:classpath:sql/backend/user-update.sql?outputType=SelectOne")
            .doCatch(DuplicateKeyException.class)
                .setProperty("emailTaken", constant(true))
            .end()
            .filter(exchangeProperty("emailTaken").isEqualTo(true)).throwException(new ApiException(409, EMAIL_TAKEN)).end()
            .filter(body().isNull()).throwException(new ApiException(404, USER_NOT_FOUND)).end()
            .process(e -> users.evict(e.getProperty("userId", String.class)))
            .process(e -> e.getMessage().setBody(UserPublic.fromRow(e.getMessage().getBody(Map.class))))
            .process(json.ok());

        from("direct:users.delete").routeId("users.delete").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("user_id", "User"))
            .to("direct:tenancy.scope")
            .process(Users::requireSuperuser)
            .filter(simple("${exchangeProperty.scope.userId} == ${header.user_id}"))
                .throwException(new ApiException(403, "Super users are not allowed to delete themselves"))
            .end()
            .setBody(e -> Map.of("id", e.getMessage().getHeader("user_id")))
            .doTry()
                .to("sql:classpath:sql/backend/user-delete.sql?outputType=SelectOne")
            .doCatch(org.springframework.dao.DataIntegrityViolationException.class)
                .setProperty("stillOwns", constant(true))
            .end()
            .filter(exchangeProperty("stillOwns").isEqualTo(true))
                .throwException(new ApiException(409, "The user still owns resources: deactivate it instead"))
            .end()
            .filter(body().isNull()).throwException(new ApiException(404, USER_NOT_FOUND)).end()
            .process(e -> users.evict(e.getMessage().getHeader("user_id", String.class)))
            .log("User ${header.user_id} deleted by ${exchangeProperty.scope.userId}")
            .setBody(constant(new Message("User deleted successfully")))
            .process(json.ok());

        // the same answer whether or not the address is known; the mail goes out after the answer
        from("direct:users.password-recovery").routeId("users.password-recovery").routeConfigurationId(RestErrorHandling.ID)
            .process(e -> {
                String email = e.getMessage().getHeader("email", String.class);
                e.getMessage().setBody(users.recoveryParams(e, email == null ? "" : email.trim()));
            })
            .to("sql:classpath:sql/backend/password-reset-create.sql?outputType=SelectOne")
            .filter(body().isNotNull())
                .setBody(users::recoveryMail)
                .to("direct:users.queue-recovery-mail")
            .end()
            .setBody(constant(new Message("Password recovery email sent")))
            .process(json.ok());

        // a route of its own: a wire tap inside a filter would take the rest of the route with it
        from("direct:users.queue-recovery-mail").routeId("users.queue-recovery-mail").errorHandler(noErrorHandler())
            .wireTap("direct:users.send-recovery-mail");

        from("direct:users.send-recovery-mail").routeId("users.send-recovery-mail")
            .doTry()
                .to("direct:mail.send")
            .doCatch(Exception.class)
                .log(LoggingLevel.ERROR, "Password recovery mail to ${exchangeProperty.recoveryEmail} failed: ${exception.message}")
            .end();

        from("direct:users.reset-password").routeId("users.reset-password").routeConfigurationId(RestErrorHandling.ID)
            .process(e -> e.getMessage().setBody(users.resetParams(reader.read(e.getMessage().getBody(String.class), NewPassword.class))))
            .to("sql:classpath:sql/backend/password-reset-consume.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(new ApiException(400, "Invalid token")).end()
            .process(e -> users.evict((String) e.getMessage().getBody(Map.class).get("id")))
            .log("Password of user ${body[id]} reset with a recovery token")
            .setBody(constant(new Message("Password updated successfully")))
            .process(json.ok());
    }

}
