package com.sartiq.hub.backend.users;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /users/me}: absent fields are kept. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserUpdateMe(@Size(max = 255) String fullName, @Email @Size(min = 3, max = 255) String email) {
}
