package com.sartiq.hub.backend.shootings;

import com.sartiq.hub.common.rest.RequestValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReferencesTest {

    @Test
    void aLookNamesEveryIdItCarries() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        LookCreate look = new LookCreate(null, "L", a, null, null, List.of(a, b), null, null, null, null, null, null,
                new OutfitCreate(null, null, List.of(b), null));
        assertThat(References.of(look).refs()).extracting(References.Ref::field)
                .containsExactly("main_product_id", "shot_type_ids.0", "shot_type_ids.1", "outfit.product_ids.0");
    }

    @Test
    void missingRowsBecomeOneErrorPerField() {
        RequestValidationException e = catchThrowableOfType(RequestValidationException.class, () -> References.requireNone(List.of(
                Map.of("field", "shot_type_ids.1", "tbl", "shot_type"), Map.of("field", "main_product_id", "tbl", "product"))));
        assertThat(e.errors()).hasSize(2);
        assertThat(e.errors().get(0).loc()).containsExactly("body", "main_product_id");
        assertThat(e.errors().get(0).msg()).isEqualTo("Product not found");
        assertThat(e.errors().get(1).loc()).containsExactly("body", "shot_type_ids", 1);
        assertThat(e.errors().get(1).type()).isEqualTo("not_found");
        assertThatCode(() -> References.requireNone(List.of())).doesNotThrowAnyException();
    }
}
