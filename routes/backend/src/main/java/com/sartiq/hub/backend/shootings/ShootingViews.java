package com.sartiq.hub.backend.shootings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.common.sql.SqlValues;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Rows of the shootings SQL (ids as text, JSON aggregates as text) into the public records. */
public final class ShootingViews {

    private final ObjectMapper mapper;

    public ShootingViews(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ShootingPublic shooting(Map<String, Object> row) {
        return new ShootingPublic(str(row, "id"), str(row, "owner_id"), str(row, "organization_id"), str(row, "name"), str(row, "description"),
                SqlValues.utc(row.get("due_date")), Boolean.TRUE.equals(row.get("archived")), str(row, "season"), str(row, "collection"),
                str(row, "brand"), str(row, "shooting_type"), str(row, "phase"), Boolean.TRUE.equals(row.get("require_test_shooting")),
                str(row, "default_guidelines_id"), json(str(row, "default_guidelines")),
                parse(str(row, "productions"), new TypeReference<List<ShootingPublic.Production>>() { }),
                ((Number) row.get("look_count")).longValue(), SqlValues.utc(row.get("created_at")), SqlValues.utc(row.get("updated_at")));
    }

    public LookPublic look(Map<String, Object> row) {
        return new LookPublic(str(row, "id"), str(row, "shooting_id"), str(row, "name"), str(row, "main_product_id"), str(row, "subject_id"),
                str(row, "style_id"), parse(str(row, "shot_type_ids"), new TypeReference<List<String>>() { }), str(row, "resolution_preset_id"),
                integer(row, "width"), integer(row, "height"), str(row, "background_preset_id"), str(row, "file_format"), str(row, "outfit_id"),
                parse(str(row, "shots"), new TypeReference<List<LookPublic.ShotRef>>() { }),
                SqlValues.utc(row.get("created_at")), SqlValues.utc(row.get("updated_at")));
    }

    public RevisionPublic revision(Map<String, Object> row) {
        return new RevisionPublic(str(row, "revision_id"), ((Number) row.get("version")).intValue(), str(row, "status"), str(row, "notes"),
                SqlValues.utc(row.get("reviewed_at")), parse(str(row, "images"), new TypeReference<List<ShotImagePublic>>() { }),
                SqlValues.utc(row.get("revision_created_at")), SqlValues.utc(row.get("revision_updated_at")));
    }

    public ShotPublic shot(Map<String, Object> row) {
        return new ShotPublic(str(row, "id"), str(row, "shooting_id"), str(row, "look_id"), str(row, "look_name"), str(row, "shot_type_id"),
                str(row, "shot_type_name"), str(row, "status"), revision(row), SqlValues.utc(row.get("created_at")), SqlValues.utc(row.get("updated_at")));
    }

    public OutfitPublic outfit(Map<String, Object> row, List<String> referenceImages) {
        return new OutfitPublic(str(row, "id"), str(row, "owner_id"), str(row, "organization_id"), str(row, "name"), str(row, "instruction"),
                parse(str(row, "product_ids"), new TypeReference<List<String>>() { }), referenceImages,
                SqlValues.utc(row.get("created_at")), SqlValues.utc(row.get("updated_at")));
    }

    public AnnotationPublic annotation(Map<String, Object> row) {
        return new AnnotationPublic(str(row, "id"), str(row, "shot_id"), str(row, "revision_id"), integer(row, "version"), str(row, "image_id"),
                str(row, "author_id"), str(row, "text"), row.get("x") == null ? null : ((Number) row.get("x")).doubleValue(),
                row.get("y") == null ? null : ((Number) row.get("y")).doubleValue(), SqlValues.utc(row.get("created_at")));
    }

    private JsonNode json(String text) {
        return text == null ? null : parse(text, new TypeReference<JsonNode>() { });
    }

    private <T> T parse(String text, TypeReference<T> type) {
        try {
            return mapper.readValue(text == null ? "[]" : text, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable JSON column", e);
        }
    }

    private static String str(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : value.toString();
    }

    private static Integer integer(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : ((Number) value).intValue();
    }
}
