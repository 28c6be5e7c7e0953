package com.sartiq.hub.backend.media;

import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request of {@code direct:media.attach}, checked before anything is touched: every URL must be
 * one of our temp uploads or media objects, else the whole request is a 422 naming each bad slot.
 */
public record AttachPlan(String entityType, String entityId, List<SlotUrl> slots) {

    private static final Pattern ENTITY_TYPE = Pattern.compile("[A-Z][A-Z_]{0,63}");
    private static final Pattern SLOT = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    @SuppressWarnings("unchecked")
    public static AttachPlan of(Map<String, Object> request, String cdnBaseUrl) {
        // entity_type, entity_id and slot names come from our own routes: a wrong one is a bug, not bad input
        String entityType = String.valueOf(request.get("entity_type"));
        if (!ENTITY_TYPE.matcher(entityType).matches()) {
            throw new IllegalArgumentException("entity_type must be an upper-case name, got " + entityType);
        }
        String entityId = UUID.fromString(String.valueOf(request.get("entity_id"))).toString();
        List<SlotUrl> slots = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (Map<String, Object> slot : (List<Map<String, Object>>) request.getOrDefault("slots", List.of())) {
            String name = String.valueOf(slot.get("slot"));
            if (!SLOT.matcher(name).matches()) {
                throw new IllegalArgumentException("slot must be a snake_case name, got " + name);
            }
            Integer position = slot.get("position") == null ? null : ((Number) slot.get("position")).intValue();
            Object url = slot.get("url");
            var ref = url instanceof String text ? MediaRef.parse(text.trim(), cdnBaseUrl) : java.util.Optional.<MediaRef>empty();
            if (ref.isEmpty()) {
                errors.add(new FieldError(List.of("body", name),
                        "URL is not an uploaded file: upload it with POST /api/v1/uploads/presigned-url first", "url_invalid"));
            } else {
                slots.add(new SlotUrl(name, position, ((String) url).trim(), ref.get()));
            }
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        return new AttachPlan(entityType, entityId, List.copyOf(slots));
    }

    /** The distinct slot names of the request: their attachments are replaced. */
    public List<String> slotNames() {
        return slots.stream().map(SlotUrl::slot).distinct().toList();
    }
}
