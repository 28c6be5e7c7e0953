package com.sartiq.hub.backend.organizations;

import com.sartiq.hub.backend.auth.AuthRoutes;
import com.sartiq.hub.backend.users.Message;
import com.sartiq.hub.backend.users.Users;
import com.sartiq.hub.backend.utils.Paging;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Organizations, their members and roles, invitations by e-mail, and subscriptions (read-only).
 * Every path naming an organization goes through {@code direct:tenancy.scope} with it: a caller who
 * is not a member gets 404, a member who is not admin 403 on admin operations.
 */
@Component
public class OrganizationsRoutes extends RouteBuilder {

    private static final String LAST_ADMIN = "An organization needs at least one admin";

    private final Organizations organizations;
    private final JsonRequestReader reader;
    private final JsonResponses json;

    public OrganizationsRoutes(Organizations organizations, JsonRequestReader reader, JsonResponses json) {
        this.organizations = organizations;
        this.reader = reader;
        this.json = json;
    }

    @Override
    public void configure() {
        RestDefinition orgs = rest("/organizations").tag("organizations");
        paged(orgs.get().id("rest.organizations.list").description("The caller's organizations (superusers: all), oldest first")
                .outType(OrganizationsPublic.class))
                .to("direct:organizations.list");
        orgs.post().id("rest.organizations.create").description("Create an organization; the caller becomes its admin")
                .consumes("application/json").produces("application/json").type(OrganizationCreate.class).outType(OrganizationPublic.class)
                .responseMessage().code(200).message("The organization").responseModel(OrganizationPublic.class).endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:organizations.create");
        byOrg(orgs.get("/{organization_id}").id("rest.organizations.get").description("An organization the caller belongs to")
                .produces("application/json").outType(OrganizationPublic.class))
                .to("direct:organizations.get");
        byOrg(orgs.patch("/{organization_id}").id("rest.organizations.update").description("Rename an organization (admins)")
                .consumes("application/json").produces("application/json").type(OrganizationUpdate.class).outType(OrganizationPublic.class)
                .responseMessage().code(403).message("Not enough permissions").endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage())
                .to("direct:organizations.update");
        byOrg(orgs.delete("/{organization_id}").id("rest.organizations.delete").description("Delete an organization (admins)")
                .produces("application/json").outType(Message.class)
                .responseMessage().code(403).message("Not enough permissions").endResponseMessage()
                .responseMessage().code(409).message("The organization still owns resources").endResponseMessage())
                .to("direct:organizations.delete");
        paged(byOrg(orgs.get("/{organization_id}/members").id("rest.organizations.members.list")
                .description("Members of the organization with their roles (any member)").outType(MembersPublic.class)))
                .to("direct:organizations.members.list");
        byOrg(orgs.post("/{organization_id}/members").id("rest.organizations.members.add")
                .description("Add an existing user by e-mail (admins); others are invited")
                .consumes("application/json").produces("application/json").type(MemberCreate.class).outType(MemberPublic.class)
                .responseMessage().code(403).message("Not enough permissions").endResponseMessage()
                .responseMessage().code(404).message("User not found").endResponseMessage()
                .responseMessage().code(409).message("Already a member").endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage())
                .to("direct:organizations.members.add");
        byOrg(orgs.patch("/{organization_id}/members/{user_id}").id("rest.organizations.members.update")
                .description("Change a member's role (admins); the last admin cannot be demoted")
                .consumes("application/json").produces("application/json").type(MemberUpdate.class).outType(MemberPublic.class)
                .param().name("user_id").type(RestParamType.path).description("Member's user id").endParam()
                .responseMessage().code(403).message("Not enough permissions").endResponseMessage()
                .responseMessage().code(409).message(LAST_ADMIN).endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage())
                .to("direct:organizations.members.update");
        byOrg(orgs.delete("/{organization_id}/members/{user_id}").id("rest.organizations.members.remove")
                .description("Remove a member (admins), or leave (oneself); the last admin cannot leave")
                .produces("application/json").outType(Message.class)
                .param().name("user_id").type(RestParamType.path).description("Member's user id").endParam()
                .responseMessage().code(403).message("Not enough permissions").endResponseMessage()
                .responseMessage().code(409).message(LAST_ADMIN).endResponseMessage())
                .to("direct:organizations.members.remove");
        paged(byOrg(orgs.get("/{organization_id}/invitations").id("rest.organizations.invitations.list")
                .description("Invitations of the organization with their status (admins)").outType(InvitationsPublic.class)
                .responseMessage().code(403).message("Not enough permissions").endResponseMessage()))
                .to("direct:organizations.invitations.list");
        byOrg(orgs.post("/{organization_id}/invitations").id("rest.organizations.invitations.create")
                .description("Invite someone by e-mail (admins): the mail carries a token the invited user accepts signed in "
                        + "with that address, before it expires")
                .consumes("application/json").produces("application/json").type(MemberCreate.class).outType(InvitationPublic.class)
                .responseMessage().code(201).message("Invitation created and mailed").responseModel(InvitationPublic.class).endResponseMessage()
                .responseMessage().code(403).message("Not enough permissions").endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage())
                .to("direct:organizations.invitations.create");
        byOrg(orgs.delete("/{organization_id}/invitations/{invitation_id}").id("rest.organizations.invitations.revoke")
                .description("Revoke an invitation (admins)").produces("application/json").outType(Message.class)
                .param().name("invitation_id").type(RestParamType.path).description("Invitation id").endParam()
                .responseMessage().code(403).message("Not enough permissions").endResponseMessage())
                .to("direct:organizations.invitations.revoke");
        rest("/invitations").tag("organizations")
            .post("/accept").id("rest.invitations.accept")
                .description("Accept an invitation: the caller (signed in with the invited address) joins the organization")
                .consumes("application/json").produces("application/json").type(InvitationAccept.class).outType(OrganizationPublic.class)
                .responseMessage().code(400).message("Invitation expired or already accepted").endResponseMessage()
                .responseMessage().code(404).message("Invitation not found").endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:invitations.accept");
        paged(rest("/subscriptions").tag("subscriptions").get().id("rest.subscriptions.list")
                .description("Plan and billing period of the caller's organizations, or of the one named by organization_id")
                .param().name("organization_id").type(RestParamType.query).required(false).description("One organization").endParam()
                .outType(SubscriptionsPublic.class))
                .to("direct:subscriptions.list");

        pagedRoute("organizations.list", false, false, "organization", OrganizationPublic::fromRows);
        pagedRoute("organizations.members.list", true, false, "member", MemberPublic::fromRows);
        pagedRoute("organizations.invitations.list", true, true, "invitation", InvitationPublic::fromRows);
        pagedRoute("subscriptions.list", false, false, "subscription", SubscriptionPublic::fromRows);

        from("direct:organizations.create").routeId("organizations.create").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> {
                OrganizationCreate create = reader.read(e.getMessage().getBody(String.class), OrganizationCreate.class);
                Map<String, Object> params = Organizations.params(e);
                params.put("name", create.name().trim());
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/organization-insert.sql?outputType=SelectOne")
            .process(e -> e.getMessage().setBody(OrganizationPublic.fromRow(e.getMessage().getBody(Map.class))))
            .log("Organization ${body.id} created by ${exchangeProperty.scope.userId}")
            .process(json.ok());

        byOrgRoute("organizations.get")
            .setBody(exchangeProperty("organization"))
            .process(json.ok());

        byOrgRoute("organizations.update")
            .process(Organizations::requireAdmin)
            .process(e -> {
                OrganizationUpdate update = reader.read(e.getMessage().getBody(String.class), OrganizationUpdate.class);
                Map<String, Object> params = Organizations.params(e);
                params.put("name", update.name() == null ? null : update.name().trim());
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/organization-update.sql?outputType=SelectOne")
            .process(e -> e.getMessage().setBody(OrganizationPublic.fromRow(e.getMessage().getBody(Map.class))))
            .process(json.ok());

        byOrgRoute("organizations.delete")
            .process(Organizations::requireAdmin)
            .setBody(Organizations::params)
            .doTry()
                .to("sql:classpath:sql/backend/organization-delete.sql?outputType=SelectOne")
            .doCatch(DataIntegrityViolationException.class)
                .setProperty("stillOwns", constant(true))
            .end()
            .filter(exchangeProperty("stillOwns").isEqualTo(true))
                .throwException(new ApiException(409, "The organization still owns resources: delete them first"))
            .end()
            .log("Organization ${header.organization_id} deleted by ${exchangeProperty.scope.userId}")
            .setBody(constant(new Message("Organization deleted successfully")))
            .process(json.ok());

        byOrgRoute("organizations.members.add")
            .process(Organizations::requireAdmin)
            .process(e -> {
                MemberCreate add = reader.read(e.getMessage().getBody(String.class), MemberCreate.class);
                Map<String, Object> params = Organizations.params(e);
                params.put("email", add.email().trim());
                params.put("role", add.roleOrMember());
                e.getMessage().setBody(params);
                e.setProperty("params", params);
            })
            .to("sql:classpath:sql/backend/member-add.sql?outputType=SelectOne")
            .filter(body().isNull())
                // unknown user, or already a member: the members list tells which
                .setBody(e -> Map.of("email", e.getProperty("params", Map.class).get("email")))
                .to("sql:classpath:sql/backend/user-by-email-param.sql?outputType=SelectOne")
                .filter(body().isNull()).throwException(ApiException.notFound("User")).end()
                .throwException(new ApiException(409, "The user is already a member"))
            .end()
            .process(e -> e.getProperty("params", Map.class).put("memberId", e.getMessage().getBody(Map.class).get("user_id")))
            .to("direct:organizations.member-answer")
            .process(json.ok());

        byOrgRoute("organizations.members.update")
            .process(JsonResponses.requireUuid("user_id", "Member"))
            .process(Organizations::requireAdmin)
            .process(e -> {
                MemberUpdate update = reader.read(e.getMessage().getBody(String.class), MemberUpdate.class);
                Map<String, Object> params = Organizations.params(e);
                params.put("role", update.role());
                e.setProperty("params", params);
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/member-get.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Member")).end()
            .setBody(exchangeProperty("params"))
            .to("sql:classpath:sql/backend/member-set-role.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(new ApiException(409, LAST_ADMIN)).end()
            .to("direct:organizations.member-answer")
            .log("Member ${body.userId} of organization ${header.organization_id} is now ${body.role}")
            .process(json.ok());

        byOrgRoute("organizations.members.remove")
            .process(JsonResponses.requireUuid("user_id", "Member"))
            .process(Organizations::requireAdminOrSelf)
            .setBody(Organizations::params)
            .setProperty("params", body())
            .to("sql:classpath:sql/backend/member-get.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Member")).end()
            .setBody(exchangeProperty("params"))
            .to("sql:classpath:sql/backend/member-delete.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(new ApiException(409, LAST_ADMIN)).end()
            .log("User ${header.user_id} left organization ${header.organization_id}")
            .setBody(constant(new Message("Member removed successfully")))
            .process(json.ok());

        from("direct:organizations.member-answer").routeId("organizations.member-answer").errorHandler(noErrorHandler())
            .setBody(exchangeProperty("params"))
            .to("sql:classpath:sql/backend/member-get.sql?outputType=SelectOne")
            .process(e -> e.getMessage().setBody(MemberPublic.fromRow(e.getMessage().getBody(Map.class))));

        byOrgRoute("organizations.invitations.create")
            .process(Organizations::requireAdmin)
            .process(e -> e.getMessage().setBody(organizations.invitationParams(e,
                    reader.read(e.getMessage().getBody(String.class), MemberCreate.class))))
            .to("sql:classpath:sql/backend/invitation-insert.sql?outputType=SelectOne")
            .setProperty("invitation", body())
            .setBody(organizations::invitationMail)
            .wireTap("direct:organizations.send-invitation")
            .process(e -> e.getMessage().setBody(InvitationPublic.fromRow(e.getProperty("invitation", Map.class))))
            .log("Invitation ${body.id} to organization ${header.organization_id} created by ${exchangeProperty.scope.userId}")
            .process(json.created());

        from("direct:organizations.send-invitation").routeId("organizations.send-invitation")
            .doTry()
                .to("direct:mail.send")
            .doCatch(Exception.class)
                .log(LoggingLevel.ERROR, "Invitation mail to ${body.to} failed: ${exception.message}")
            .end();

        byOrgRoute("organizations.invitations.revoke")
            .process(JsonResponses.requireUuid("invitation_id", "Invitation"))
            .process(Organizations::requireAdmin)
            .setBody(Organizations::params)
            .to("sql:classpath:sql/backend/invitation-delete.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Invitation")).end()
            .setBody(constant(new Message("Invitation revoked")))
            .process(json.ok());

        from("direct:invitations.accept").routeId("invitations.accept").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> {
                InvitationAccept accept = reader.read(e.getMessage().getBody(String.class), InvitationAccept.class);
                Map<String, Object> params = Organizations.params(e);
                params.put("tokenHash", Users.digest(accept.token().trim()));
                e.setProperty("params", params);
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/invitation-accept.sql?outputType=SelectOne")
            .filter(body().isNull())
                .setBody(exchangeProperty("params"))
                .to("sql:classpath:sql/backend/invitation-by-token.sql?outputType=SelectOne")
                .process(e -> {
                    throw Organizations.refusal(e.getMessage().getBody(Map.class));
                })
            .end()
            .process(e -> e.getMessage().setBody(OrganizationPublic.fromRow(e.getMessage().getBody(Map.class))))
            .log("User ${exchangeProperty.scope.userId} joined organization ${body.id} as ${body.role}")
            .process(json.ok());
    }

    /** Documents a path naming an organization. */
    private static RestDefinition byOrg(RestDefinition verb) {
        return verb.param().name("organization_id").type(RestParamType.path).description("Organization id (UUID)").endParam()
                .responseMessage().code(404).message("Organization not found").endResponseMessage()
                .security(AuthRoutes.BEARER);
    }

    private static RestDefinition paged(RestDefinition verb) {
        return verb.produces("application/json")
                .param().name("skip").type(RestParamType.query).dataType("integer").defaultValue("0").required(false).endParam()
                .param().name("limit").type(RestParamType.query).dataType("integer").defaultValue("100").required(false).endParam()
                .responseMessage().code(422).message("Validation error").endResponseMessage()
                .security(AuthRoutes.BEARER);
    }

    /**
     * A route for {@code /organizations/{organization_id}/...}: the caller's scope in that organization
     * (404 when not a member), and the organization row in the body (404 when it does not exist).
     */
    private RouteDefinition byOrgRoute(String id) {
        RouteDefinition route = from("direct:" + id).routeId(id).routeConfigurationId(RestErrorHandling.ID);
        route.process(JsonResponses.requireUuid("organization_id", "Organization"))
            .to("direct:tenancy.scope")
            .setProperty("organizationRequest", body())
            .setBody(Organizations::params)
            .to("sql:classpath:sql/backend/organization-get.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Organization")).end()
            .process(e -> e.getMessage().setBody(OrganizationPublic.fromRow(e.getMessage().getBody(Map.class))))
            .setProperty("organization", body())
            .setBody(exchangeProperty("organizationRequest"));
        return route;
    }

    /** A paged list answering {@code {data, count}} from {@code <sql>-list.sql} and {@code <sql>-count.sql}. */
    private void pagedRoute(String id, boolean byOrganization, boolean adminOnly, String sql, Function<List<?>, List<?>> rows) {
        RouteDefinition route = byOrganization ? byOrgRoute(id) : from("direct:" + id).routeId(id).routeConfigurationId(RestErrorHandling.ID);
        if (!byOrganization) {
            route.to("direct:tenancy.scope");
        }
        if (adminOnly) {
            route.process(Organizations::requireAdmin);
        }
        route.process(e -> {
                Map<String, Object> params = Paging.of(e).addTo(new HashMap<>(Organizations.params(e)));
                e.setProperty("params", params);
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/" + sql + "-list.sql")
            .setProperty("rows", body())
            .setBody(exchangeProperty("params"))
            .to("sql:classpath:sql/backend/" + sql + "-count.sql?outputType=SelectOne")
            .process(e -> e.getMessage().setBody(Paging.page(rows.apply(e.getProperty("rows", List.class)), e.getMessage().getBody(Long.class))))
            .process(json.ok());
    }

}
