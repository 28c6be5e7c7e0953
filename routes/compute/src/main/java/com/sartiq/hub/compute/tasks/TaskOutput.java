package com.sartiq.hub.compute.tasks;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** A completed task's {@code output}: the images it produced, served from our storage's CDN. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskOutput(List<Image> images) {

    /** @param seed the generation seed, for generated images */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Image(String url, int width, int height, String contentType, Long seed) {
    }
}
