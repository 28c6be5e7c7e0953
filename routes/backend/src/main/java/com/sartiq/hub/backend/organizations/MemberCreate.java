package com.sartiq.hub.backend.organizations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /organizations/{id}/members} (an existing user) and of invitations (anyone). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MemberCreate(
        @NotBlank @Email @Size(max = 255) String email,
        @Pattern(regexp = "admin|member", message = "Input should be 'admin' or 'member'") String role) {

    public String roleOrMember() {
        return role == null ? "member" : role;
    }
}
