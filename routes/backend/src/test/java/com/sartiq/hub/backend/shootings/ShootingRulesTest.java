package com.sartiq.hub.backend.shootings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.RequestValidationException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ShootingRulesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ShootingCreate shooting(Phase phase, Boolean requireTest, UUID guidelinesId, ObjectNode inline) {
        return new ShootingCreate(" Summer ", null, OffsetDateTime.parse("2030-01-01T00:00:00Z"), null, null, null, null, null,
                phase, requireTest, guidelinesId, inline);
    }

    @Test
    void productionIsTheDefaultAndOpensTheMainProduction() {
        ShootingRules.Decision decision = ShootingRules.onCreate(shooting(null, null, null, null));
        assertThat(decision.shooting().phase()).isEqualTo(Phase.PRODUCTION);
        assertThat(decision.productionsToAdd()).containsExactly("MAIN");
        assertThat(decision.shooting().name()).isEqualTo("Summer");
        assertThat(decision.shooting().shootingType()).isEqualTo(ShootingCreate.ShootingType.ECOMMERCE);
    }

    @Test
    void briefOpensNothingAndIsTheDefaultWhenATestShootingIsRequired() {
        assertThat(ShootingRules.onCreate(shooting(Phase.BRIEF, null, null, null)).productionsToAdd()).isEmpty();
        ShootingRules.Decision gated = ShootingRules.onCreate(shooting(null, true, null, null));
        assertThat(gated.shooting().phase()).isEqualTo(Phase.BRIEF);
        assertThat(gated.productionsToAdd()).isEmpty();
    }

    @Test
    void onlyBriefOrProductionAtCreation() {
        for (Phase phase : List.of(Phase.TEST_SHOOTING, Phase.PRODUCTS_SELECTION, Phase.AGREEMENT, Phase.CLOSED)) {
            RequestValidationException e = catchThrowableOfType(RequestValidationException.class,
                    () -> ShootingRules.onCreate(shooting(phase, null, null, null)));
            assertThat(e.errors().get(0).loc()).containsExactly("body", "phase");
        }
    }

    @Test
    void requiringATestShootingCannotStartInProduction() {
        RequestValidationException e = catchThrowableOfType(RequestValidationException.class,
                () -> ShootingRules.onCreate(shooting(Phase.PRODUCTION, true, null, null)));
        assertThat(e.errors().get(0).loc()).containsExactly("body", "require_test_shooting");
    }

    @Test
    void guidelinesTemplateAndInlineGuidelinesExcludeEachOther() {
        RequestValidationException e = catchThrowableOfType(RequestValidationException.class,
                () -> ShootingRules.onCreate(shooting(null, null, UUID.randomUUID(), MAPPER.createObjectNode().put("name", "x"))));
        assertThat(e.errors().get(0).loc()).containsExactly("body", "default_guidelines");
    }

    @Test
    void productionWaitsForTheTestProductionWhenRequired() {
        ApiException blocked = catchThrowableOfType(ApiException.class,
                () -> ShootingRules.onUpdate(shooting(Phase.PRODUCTION, true, null, null), Set.of()));
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(ShootingRules.onUpdate(shooting(Phase.TEST_SHOOTING, true, null, null), Set.of()).productionsToAdd()).containsExactly("TEST");
        assertThat(ShootingRules.onUpdate(shooting(Phase.PRODUCTION, true, null, null), Set.of("TEST")).productionsToAdd()).containsExactly("MAIN");
        assertThat(ShootingRules.onUpdate(shooting(Phase.PRODUCTION, false, null, null), Set.of("MAIN")).productionsToAdd()).isEmpty();
        assertThat(ShootingRules.onUpdate(shooting(Phase.CLOSED, false, null, null), Set.of("MAIN")).productionsToAdd()).isEmpty();
    }

    @Test
    void sendingOneGuidelinesFieldClearsTheOther() {
        ObjectNode stored = MAPPER.createObjectNode().put("name", "S").put("default_guidelines_id", UUID.randomUUID().toString());
        stored.putNull("default_guidelines");
        ObjectNode patch = MAPPER.createObjectNode();
        patch.putObject("default_guidelines").put("name", "inline");
        patch.put("owner_id", "ignored");
        ObjectNode merged = ShootingRules.merge(stored, patch, ShootingRoutes.FIELDS);
        assertThat(merged.get("default_guidelines_id").isNull()).isTrue();
        assertThat(merged.at("/default_guidelines/name").asText()).isEqualTo("inline");
        assertThat(merged.has("owner_id")).isFalse();
        assertThat(merged.get("name").asText()).isEqualTo("S");
    }
}
