package com.sartiq.hub.backend.media;

import java.util.LinkedHashMap;
import java.util.Map;

/** A slot after ingestion: the media resource it now points at and that resource's CDN URL. */
public record Attached(String slot, Integer position, String mediaResourceId, String url) {

    /** The map {@code direct:media.attach} answers per slot: {@code slot, position, media_resource_id, url}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("slot", slot);
        map.put("position", position);
        map.put("media_resource_id", mediaResourceId);
        map.put("url", url);
        return map;
    }
}
