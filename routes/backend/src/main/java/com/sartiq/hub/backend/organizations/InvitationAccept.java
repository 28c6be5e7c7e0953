package com.sartiq.hub.backend.organizations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /invitations/accept}: the token from the invitation e-mail. */
public record InvitationAccept(@NotBlank @Size(max = 200) String token) {
}
