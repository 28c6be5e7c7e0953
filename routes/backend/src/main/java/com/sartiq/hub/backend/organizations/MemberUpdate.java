package com.sartiq.hub.backend.organizations;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of {@code PATCH /organizations/{id}/members/{user_id}}. */
public record MemberUpdate(@NotNull @Pattern(regexp = "admin|member", message = "Input should be 'admin' or 'member'") String role) {
}
