package com.sartiq.hub.backend.organizations;

import java.util.List;

/** List answer of {@code GET /organizations/}. */
public record OrganizationsPublic(List<OrganizationPublic> data, long count) {
}
