package com.sartiq.hub.backend.organizations;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /organizations/{id}}: absent fields are kept. */
public record OrganizationUpdate(@Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name) {
}
