package com.sartiq.hub.backend.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.sartiq.hub.backend.catalog.schema.ResolutionPresetCreate;
import com.sartiq.hub.backend.catalog.schema.SubjectCreate;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.RequestValidationException;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CatalogBodiesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private final CatalogBodies bodies = new CatalogBodies(MAPPER,
            new JsonRequestReader(MAPPER, Validation.buildDefaultValidatorFactory().getValidator()));

    private static List<String> fields(RequestValidationException e) {
        return e.errors().stream().map(FieldError::loc).map(loc -> String.valueOf(loc.get(1))).toList();
    }

    @Test
    void aWrongTypeDoesNotHideTheOtherBadFields() {
        var columns = Column.of(MAPPER, ResolutionPresetCreate.class);
        var failure = catchThrowableOfType(() -> bodies.create("{\"width\":\"wide\",\"height\":5}", ResolutionPresetCreate.class, columns),
                RequestValidationException.class);
        assertThat(fields(failure)).containsExactly("height", "name", "width");
    }

    @Test
    void enumErrorsNameTheAllowedValuesAndNulIsRefused() {
        var columns = Column.of(MAPPER, SubjectCreate.class);
        var failure = catchThrowableOfType(() -> bodies.create("{\"name\":\"a\\u0000b\",\"age_class\":\"OLD\"}", SubjectCreate.class, columns),
                RequestValidationException.class);
        assertThat(failure.errors()).extracting(FieldError::type).containsExactly("enum", "string_nul");
        assertThat(failure.errors().get(0).msg()).contains("'MIDDLE_AGE'");
    }

    @Test
    void anUpdateKeepsWhatTheBodyDoesNotSendAndClearsExplicitNulls() {
        var columns = Column.of(MAPPER, SubjectCreate.class);
        SubjectCreate current = bodies.create("{\"name\":\"Ada\",\"surname\":\"L\",\"age_class\":\"YOUNG\"}", SubjectCreate.class, columns);
        SubjectCreate updated = bodies.update("{\"surname\":null,\"body_type\":\"SLIM\"}", current, SubjectCreate.class, columns);
        assertThat(updated.name()).isEqualTo("Ada");
        assertThat(updated.surname()).isNull();
        assertThat(updated.bodyType().name()).isEqualTo("SLIM");
        assertThat(updated.slug()).isEqualTo("ada-l");
    }

    @Test
    void parametersAreTextJsonOrScalars() {
        var columns = Column.of(MAPPER, SubjectCreate.class);
        SubjectCreate subject = bodies.create("{\"name\":\"Béa Noir\",\"base_images\":[{\"image_url\":\"https://x/y.png\"}]}", SubjectCreate.class, columns);
        Map<String, Object> params = bodies.params(subject, columns);
        assertThat(params.get("slug")).isEqualTo("bea-noir");
        assertThat(params.get("public")).isEqualTo(false);
        assertThat((String) params.get("base_images")).startsWith("[{\"image_url\":\"https://x/y.png\"");
    }
}
