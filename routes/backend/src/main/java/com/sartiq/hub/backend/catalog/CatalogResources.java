package com.sartiq.hub.backend.catalog;

import com.sartiq.hub.backend.catalog.schema.*;
import com.sartiq.hub.backend.catalog.schema.CatalogEnums.AgeClass;
import com.sartiq.hub.backend.catalog.schema.CatalogEnums.BodyType;

import java.util.List;
import java.util.Map;

/**
 * Every catalog resource in one table. Verbs follow the docs' reference pages (§3.3 of the spec):
 * where they show only some verbs, the others are added where the web app needs them (docs/API.md).
 */
public final class CatalogResources {

    private CatalogResources() {
    }

    public static final List<CatalogResource> ALL = List.of(
        CatalogResource.builder("brands", "brand", "Brand")
            .description("Brands the organization's products belong to")
            .schemas(BrandCreate.class, BrandPublic.class, BrandsPublic.class).build(),
        CatalogResource.builder("products", "product", "Product")
            .description("Products (garments); the SKU is unique per brand")
            .schemas(ProductCreate.class, ProductPublic.class, ProductsPublic.class)
            .filters(ListFilter.uuid("brand_id", "Only products of this brand"))
            .references(Map.of("brand_id", "brand"))
            .media("PRODUCT", "cover_image", "back_image").build(),
        CatalogResource.builder("subjects", "subject", "Subject")
            .description("Subjects: the AI or real models wearing the products")
            .schemas(SubjectCreate.class, SubjectPublic.class, SubjectsPublic.class)
            .publicRows(false)
            .filters(ListFilter.equalsEnum("age_class", AgeClass.class, "Only subjects of this age class"),
                     ListFilter.equalsEnum("body_type", BodyType.class, "Only subjects of this body type"),
                     ListFilter.includePublic("include_public", "Also list the subjects published to everyone"),
                     ListFilter.flag("only_with_base_images", "Only subjects that have base images",
                             "jsonb_array_length(t.base_images) > 0"))
            .media("SUBJECT", "cover_image").build(),
        CatalogResource.builder("styles", "style", "Style")
            .description("Styles applied to generations")
            .schemas(StyleCreate.class, StylePublic.class, StylesPublic.class)
            .publicRows(true).noDelete().build(),
        CatalogResource.builder("guidelines", "guideline", "Guideline")
            .description("Shooting guidelines templates")
            .schemas(GuidelineCreate.class, GuidelinePublic.class, GuidelinesPublic.class)
            .references(Map.of("resolution_preset_id", "resolution_preset", "set_design_id", "set_design")).build(),
        CatalogResource.builder("shot-types", "shot_type", "Shot type")
            .description("Shot types (framing and view angle); public ones are shown to everyone")
            .schemas(ShotTypeCreate.class, ShotTypePublic.class, ShotTypesPublic.class)
            .publicRows(true).cached().build(),
        CatalogResource.builder("pose-presets", "pose_preset", "Pose preset")
            .description("Pose presets: a pose prompt and image for one shot type")
            .schemas(PosePresetCreate.class, PosePresetPublic.class, PosePresetsPublic.class)
            .update("PUT").cached()
            .filters(ListFilter.uuid("shot_type_id", "Only presets of this shot type"))
            .references(Map.of("shot_type_id", "shot_type"))
            .media("POSE_PRESET", "pose_image").build(),
        CatalogResource.builder("set-designs", "set_design", "Set design")
            .description("Set designs: a background and reference images")
            .schemas(SetDesignCreate.class, SetDesignPublic.class, SetDesignsPublic.class)
            .update("PUT")
            .references(Map.of("background_preset_id", "background_preset")).build(),
        CatalogResource.builder("stylists", "stylist", "Stylist")
            .description("Stylists: styling rules applied to outfits")
            .schemas(StylistCreate.class, StylistPublic.class, StylistsPublic.class)
            .update("PUT").publicRows(false)
            .filters(ListFilter.uuid("owner_id", "Only stylists created by this user"),
                     ListFilter.includePublic("public", "Also list the stylists published to everyone")).build(),
        CatalogResource.builder("tags", "tag", "Tag")
            .description("Tags; names are unique per organization (or per user for personal tags)")
            .schemas(TagCreate.class, TagPublic.class, TagsPublic.class)
            .update("PUT").build(),
        CatalogResource.builder("background-presets", "background_preset", "Background preset")
            .description("Background presets; public ones are shown to everyone")
            .schemas(BackgroundPresetCreate.class, BackgroundPresetPublic.class, BackgroundPresetsPublic.class)
            .publicRows(true).cached().build(),
        CatalogResource.builder("resolution-presets", "resolution_preset", "Resolution preset")
            .description("Resolution presets; public ones are shown to everyone")
            .schemas(ResolutionPresetCreate.class, ResolutionPresetPublic.class, ResolutionPresetsPublic.class)
            .publicRows(true).cached().build(),
        CatalogResource.builder("generation-models", "generation_model", "Generation model")
            .description("Generation models; the list is public, writes are for superusers")
            .schemas(GenerationModelCreate.class, GenerationModelPublic.class,
                     GenerationModelsPublic.class)
            .global().update("PUT").cached().build());

    public static CatalogResource byTable(String table) {
        return ALL.stream().filter(r -> r.table().equals(table)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no catalog resource for table " + table));
    }
}
