package com.sartiq.hub.backend.users;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /users/} (superusers). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserCreate(
        @NotBlank @Email @Size(max = 255) String email,
        @NotNull @Size(min = 8, max = 40) String password,
        @Size(max = 255) String fullName,
        Boolean isActive,
        Boolean isSuperuser) {
}
