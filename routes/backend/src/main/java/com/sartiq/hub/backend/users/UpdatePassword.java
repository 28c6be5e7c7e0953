package com.sartiq.hub.backend.users;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /users/me/password}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UpdatePassword(@NotNull @Size(min = 8, max = 40) String currentPassword, @NotNull @Size(min = 8, max = 40) String newPassword) {
}
