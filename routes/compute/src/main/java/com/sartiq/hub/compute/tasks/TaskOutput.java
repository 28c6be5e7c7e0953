package com.sartiq.hub.compute.tasks;

import java.util.List;

/** A completed task's {@code output}: the images it produced, served from our storage's CDN. */
public record TaskOutput(List<Image> images) {

    /** @param seed the generation seed, for generated images */
    public record Image(String url, int width, int height, String contentType, Long seed) {
    }
}
