package com.sartiq.hub.backend.shootings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The documented phase rules of a shooting (spec §3.5): only BRIEF or PRODUCTION at creation; PRODUCTION
 * opens the MAIN production at once, BRIEF does not; {@code require_test_shooting} keeps the MAIN production
 * closed until a TEST production exists (moving to TEST_SHOOTING opens it) and cannot be combined with
 * starting in PRODUCTION; {@code default_guidelines} and {@code default_guidelines_id} exclude each other.
 */
public final class ShootingRules {

    public static final String MAIN = "MAIN";
    public static final String TEST = "TEST";

    /** The shooting to write and the productions its phase opens. */
    public record Decision(ShootingCreate shooting, List<String> productionsToAdd) {
    }

    private ShootingRules() {
    }

    public static Decision onCreate(ShootingCreate c) {
        boolean requireTest = Boolean.TRUE.equals(c.requireTestShooting());
        Phase phase = c.phase() != null ? c.phase() : requireTest ? Phase.BRIEF : Phase.PRODUCTION;
        List<FieldError> errors = new ArrayList<>();
        if (phase != Phase.BRIEF && phase != Phase.PRODUCTION) {
            errors.add(FieldError.body("phase", "Input should be 'BRIEF' or 'PRODUCTION' when creating a shooting", "literal_error"));
        } else if (requireTest && phase == Phase.PRODUCTION) {
            errors.add(FieldError.body("require_test_shooting",
                    "A shooting that requires a test shooting cannot start in phase PRODUCTION: create it in phase BRIEF", "value_error"));
        }
        guidelinesExclusive(c, errors);
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        return new Decision(normalized(c, phase), phase == Phase.PRODUCTION ? List.of(MAIN) : List.of());
    }

    /** A merged update: the productions its phase opens, or 409 when the MAIN one must wait for a TEST one. */
    public static Decision onUpdate(ShootingCreate merged, Set<String> existingProductions) {
        List<FieldError> errors = new ArrayList<>();
        guidelinesExclusive(merged, errors);
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        Phase phase = merged.phase() == null ? Phase.PRODUCTION : merged.phase();
        List<String> add = new ArrayList<>();
        if (phase == Phase.TEST_SHOOTING && !existingProductions.contains(TEST)) {
            add.add(TEST);
        }
        if (phase == Phase.PRODUCTION && !existingProductions.contains(MAIN)) {
            if (Boolean.TRUE.equals(merged.requireTestShooting()) && !existingProductions.contains(TEST)) {
                throw new ApiException(409, "This shooting requires a test shooting: move it to TEST_SHOOTING before PRODUCTION");
            }
            add.add(MAIN);
        }
        return new Decision(normalized(merged, phase), List.copyOf(add));
    }

    /**
     * The stored shooting with the fields the patch sends; sending one of the two guidelines fields (not null)
     * clears the other, so switching from a template to an inline one takes one request.
     */
    public static ObjectNode merge(ObjectNode current, JsonNode patch, Set<String> fields) {
        ObjectNode merged = current.deepCopy();
        patch.fields().forEachRemaining(f -> {
            if (fields.contains(f.getKey())) {
                merged.set(f.getKey(), f.getValue());
            }
        });
        if (present(patch, "default_guidelines_id") && !patch.has("default_guidelines")) {
            merged.putNull("default_guidelines");
        }
        if (present(patch, "default_guidelines") && !patch.has("default_guidelines_id")) {
            merged.putNull("default_guidelines_id");
        }
        return merged;
    }

    private static boolean present(JsonNode node, String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    private static void guidelinesExclusive(ShootingCreate c, List<FieldError> errors) {
        if (c.defaultGuidelines() != null && c.defaultGuidelinesId() != null) {
            errors.add(FieldError.body("default_guidelines",
                    "default_guidelines and default_guidelines_id are mutually exclusive: send one of them", "value_error"));
        }
    }

    private static ShootingCreate normalized(ShootingCreate c, Phase phase) {
        return new ShootingCreate(c.name().trim(), c.description(), c.dueDate(), Boolean.TRUE.equals(c.archived()), c.season(), c.collection(),
                c.brand(), c.shootingType() == null ? ShootingCreate.ShootingType.ECOMMERCE : c.shootingType(), phase,
                Boolean.TRUE.equals(c.requireTestShooting()), c.defaultGuidelinesId(), c.defaultGuidelines());
    }
}
