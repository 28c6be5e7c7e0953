package com.sartiq.hub.backend.media;

/** One image slot of an entity and the URL the client gave for it. */
public record SlotUrl(String slot, Integer position, String url, MediaRef ref) {
}
