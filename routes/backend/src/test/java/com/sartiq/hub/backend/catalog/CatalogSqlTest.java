package com.sartiq.hub.backend.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.sartiq.hub.backend.catalog.schema.ProductCreate;
import com.sartiq.hub.backend.catalog.schema.SubjectCreate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogSqlTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private static CatalogSql sql(String table) {
        CatalogResource resource = CatalogResources.byTable(table);
        return new CatalogSql(resource, Column.stored(MAPPER, resource));
    }

    @Test
    void columnsAreTheCreateSchemasJsonFieldsWithSqlTypes() {
        assertThat(Column.of(MAPPER, ProductCreate.class)).extracting(Column::name)
                .containsExactly("name", "sku", "brand_id", "description", "product_family", "product_type", "cover_image", "back_image");
        List<Column> columns = Column.stored(MAPPER, CatalogResources.byTable("product"));
        assertThat(columns).extracting(Column::name)
                .as("images are attachments, not columns")
                .containsExactly("name", "sku", "brand_id", "description", "product_family", "product_type");
        assertThat(columns).extracting(Column::sqlType).containsExactly("text", "text", "uuid", "text", "text", "text");
        assertThat(Column.of(MAPPER, SubjectCreate.class)).extracting(Column::name).contains("public", "base_images");
    }

    @Test
    void anOrganizationListUsesOnlyTheOrganizationAndTheFiltersGiven() {
        String list = sql("subject").list(false, false, Set.of("age_class"));
        assertThat(list).contains("t.organization_id = cast(:#organizationId as uuid) and t.age_class = :#age_class")
                .doesNotContain("body_type").doesNotContain("t.public")
                .contains("order by t.created_at desc, t.id desc limit :#limit offset :#skip");
    }

    @Test
    void aPersonalListWithPublishedRowsWidensOnlyTheTenantCondition() {
        String list = sql("subject").list(true, true, Set.of("include_public"));
        assertThat(list).contains("(t.organization_id is null and t.owner_id = cast(:#userId as uuid) or t.public)");
    }

    @Test
    void byIdReadsVisibleRowsAndTellsWhetherTheyAreWritable() {
        String byId = sql("shot_type").byId();
        assertThat(byId).contains("or t.public").contains("as writable_")
                .contains("select organization_id from organization_member where user_id = cast(:#userId as uuid)");
        assertThat(sql("product").byId()).doesNotContain("t.public");
    }

    @Test
    void writesBindEveryValueAsANamedParameter() {
        assertThat(sql("product").insert()).startsWith("insert into product (id, owner_id, organization_id, \"name\", \"sku\", \"brand_id\"")
                .contains("cast(:#brand_id as uuid)").endsWith("returning *");
        assertThat(sql("generation_model").insert()).doesNotContain("owner_id").contains("cast(:#provider_config as jsonb)");
        assertThat(sql("tag").update()).contains("updated_at = now()").contains("or :#superuser");
        assertThat(sql("generation_model").delete()).endsWith("and :#superuser");
        assertThat(sql("product").delete()).startsWith("with gone as (delete from product t")
                .endsWith("where a.entity_type = 'PRODUCT' and a.entity_id = gone.id");
    }
}
