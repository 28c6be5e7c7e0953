package com.sartiq.hub.backend.users;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /users/{id}} (superusers): absent fields are kept. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserUpdate(
        @Email @Size(min = 3, max = 255) String email,
        @Size(min = 8, max = 40) String password,
        @Size(max = 255) String fullName,
        Boolean isActive,
        Boolean isSuperuser) {
}
