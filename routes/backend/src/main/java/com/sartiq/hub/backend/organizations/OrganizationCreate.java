package com.sartiq.hub.backend.organizations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /organizations/}. */
public record OrganizationCreate(@NotBlank @Size(max = 255) String name) {
}
