package com.sartiq.hub.backend.search;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One hit of the global search: {@code resource_type} ({@code product}, {@code subject}) and the resource as its own endpoint shows it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SearchResult(String resourceType, Object data) {
}
