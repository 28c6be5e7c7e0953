package com.sartiq.hub.processors.fal;

/** One image of a fal result ({@code images[]}); the URL is fal's, to be copied into our storage. */
public record FalImage(String url, int width, int height, String contentType) {
}
