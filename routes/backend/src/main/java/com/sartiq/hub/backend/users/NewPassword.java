package com.sartiq.hub.backend.users;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /reset-password/}: the token from the recovery e-mail and the new password. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NewPassword(@NotBlank @Size(max = 200) String token, @NotNull @Size(min = 8, max = 40) String newPassword) {
}
