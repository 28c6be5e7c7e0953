package com.sartiq.hub.backend.organizations;

import com.sartiq.hub.backend.mail.Mail;
import com.sartiq.hub.backend.mail.MailProperties;
import com.sartiq.hub.backend.tenancy.Scope;
import com.sartiq.hub.backend.users.Users;
import com.sartiq.hub.common.rest.ApiException;
import org.apache.camel.Exchange;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Steps of {@link OrganizationsRoutes}: parameters from the scope and path, role checks, invitation tokens and mails. */
public class Organizations {

    private final MailProperties mail;
    private final int invitationExpireHours;
    private final SecureRandom random = new SecureRandom();

    public Organizations(MailProperties mail, int invitationExpireHours) {
        this.mail = mail;
        this.invitationExpireHours = invitationExpireHours;
    }

    public static Scope scope(Exchange exchange) {
        return exchange.getProperty(Scope.PROPERTY, Scope.class);
    }

    /** Settings, members and invitations are the organization's admins' (and superusers') business. */
    public static void requireAdmin(Exchange exchange) {
        if (!scope(exchange).organizationAdmin()) {
            throw new ApiException(403, Users.NOT_ENOUGH_PERMISSIONS);
        }
    }

    /** Admins manage members; anyone may leave. */
    public static void requireAdminOrSelf(Exchange exchange) {
        Scope scope = scope(exchange);
        if (!scope.organizationAdmin() && !scope.userId().equals(exchange.getMessage().getHeader("user_id", String.class))) {
            throw new ApiException(403, Users.NOT_ENOUGH_PERMISSIONS);
        }
    }

    /** {@code userId}, {@code superuser}, {@code organizationId} and, when in the path, {@code memberId}/{@code invitationId}. */
    public static Map<String, Object> params(Exchange exchange) {
        Map<String, Object> params = new HashMap<>(scope(exchange).params());
        params.put("memberId", exchange.getMessage().getHeader("user_id", String.class));
        params.put("invitationId", exchange.getMessage().getHeader("invitation_id", String.class));
        return params;
    }

    /** Parameters of a new invitation; the secret token goes to the {@code invitationToken} property for the mail. */
    public Map<String, Object> invitationParams(Exchange exchange, MemberCreate invite) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        exchange.setProperty("invitationToken", token);
        Map<String, Object> params = params(exchange);
        params.put("email", invite.email().trim());
        params.put("role", invite.roleOrMember());
        params.put("tokenHash", Users.digest(token));
        params.put("expireHours", invitationExpireHours);
        return params;
    }

    public Mail invitationMail(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> row = exchange.getMessage().getBody(Map.class);
        String token = exchange.getProperty("invitationToken", String.class);
        String organization = (String) row.get("organization_name");
        return new Mail((String) row.get("email"), "Sartiq - You are invited to join " + organization, """
                Hello,

                You are invited to join the organization "%s" on Sartiq as %s.
                Sign in with this e-mail address and open this link within %d hours to accept:

                %s/invitations/accept?token=%s

                (or send {"token": "%s"} to POST /api/v1/invitations/accept).
                """.formatted(organization, row.get("role"), invitationExpireHours, mail.frontendUrl(), token, token));
    }

    /** Why an invitation token was not accepted (row of {@code invitation-by-token.sql}, or null). */
    public static ApiException refusal(Map<String, Object> row) {
        if (row == null || !Boolean.TRUE.equals(row.get("addressed_to_caller"))) {
            // another user's invitation is not theirs to probe
            return ApiException.notFound("Invitation");
        }
        if (Boolean.TRUE.equals(row.get("accepted"))) {
            return new ApiException(400, "Invitation already accepted");
        }
        return new ApiException(400, "Invitation expired");
    }
}
