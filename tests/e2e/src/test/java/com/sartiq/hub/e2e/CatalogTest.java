package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog over HTTP: each resource group's life cycle, validation, pagination, filters, conflicts and caching. */
class CatalogTest {

    private static LocalStack hubs;
    private static String api;
    private static Tenants.User member;
    private static Tenants.User admin;
    private static String org;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        api = hubs.backendUrl() + "/api/v1";
        member = Tenants.user(hubs, false);
        admin = Tenants.user(hubs, true);
        org = Tenants.organization(hubs, member);
    }

    private static JsonNode created(String path, String body) {
        Http.Response response = Http.postJson(api + path + "?organization_id=" + org, member.token(), body);
        assertEquals(201, response.status(), path + ": " + response.body());
        return response.json();
    }

    @Test
    void aProductIsCreatedReadListedUpdatedAndDeletedWithinItsOrganization() {
        String brand = created("/brands/", "{\"name\":\"Maison Test\"}").get("id").asText();
        JsonNode product = created("/products/", "{\"name\":\"Linen dress\",\"sku\":\"LD-001\",\"brand_id\":\"" + brand
                + "\",\"product_family\":\"APPAREL\",\"product_type\":\"dress\"}");
        String id = product.get("id").asText();
        assertEquals(org, product.get("organization_id").asText());
        assertEquals(member.id(), product.get("owner_id").asText());
        assertEquals("APPAREL", product.get("product_family").asText());

        JsonNode read = Http.get(api + "/products/" + id, member.token()).json();
        assertEquals("LD-001", read.get("sku").asText());
        JsonNode page = Http.get(api + "/products/?organization_id=" + org + "&brand_id=" + brand, member.token()).json();
        assertEquals(1, page.get("count").asInt());
        assertEquals(id, page.at("/data/0/id").asText());
        assertEquals(0, Http.get(api + "/products/", member.token()).json().get("count").asInt(), "personal products are another space");

        Http.Response patched = Http.send("PATCH", api + "/products/" + id, member.token(), "{\"description\":\"Summer\"}");
        assertEquals(200, patched.status(), patched.body());
        assertEquals("Summer", patched.json().get("description").asText());
        assertEquals("Linen dress", patched.json().get("name").asText(), "fields not sent stay");

        assertEquals(200, Http.send("DELETE", api + "/products/" + id, member.token(), null).status());
        assertEquals(404, Http.get(api + "/products/" + id, member.token()).status());
    }

    @Test
    void aSkuIsUniquePerBrandButFreeInAnotherBrand() {
        String brandA = created("/brands/", "{\"name\":\"A\"}").get("id").asText();
        String brandB = created("/brands/", "{\"name\":\"B\"}").get("id").asText();
        created("/products/", "{\"name\":\"Shirt\",\"sku\":\"SKU-9\",\"brand_id\":\"" + brandA + "\"}");
        Http.Response duplicate = Http.postJson(api + "/products/?organization_id=" + org, member.token(),
                "{\"name\":\"Other shirt\",\"sku\":\"SKU-9\",\"brand_id\":\"" + brandA + "\"}");
        assertEquals(409, duplicate.status(), duplicate.body());
        assertTrue(duplicate.json().get("detail").asText().contains("already exists"));
        created("/products/", "{\"name\":\"Shirt\",\"sku\":\"SKU-9\",\"brand_id\":\"" + brandB + "\"}");
    }

    @Test
    void aBadBodyListsEveryBadField() {
        Http.Response response = Http.postJson(api + "/products/?organization_id=" + org, member.token(),
                "{\"sku\":12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901,"
                        + "\"brand_id\":\"not-a-uuid\",\"product_family\":\"SPACESUITS\",\"description\":[1]}");
        assertEquals(422, response.status(), response.body());
        Set<String> fields = new TreeSet<>();
        for (JsonNode error : response.json().get("detail")) {
            assertEquals("body", error.at("/loc/0").asText());
            fields.add(error.at("/loc/1").asText());
            assertFalse(error.get("msg").asText().isBlank());
        }
        assertEquals(Set.of("brand_id", "description", "name", "product_family", "sku"), fields, response.body());

        Http.Response enumError = Http.postJson(api + "/shot-types/?organization_id=" + org, member.token(),
                "{\"name\":\"x\",\"framing\":\"SIDEWAYS\"}");
        assertEquals(422, enumError.status());
        assertEquals(2, enumError.json().get("detail").size(), enumError.body());
        assertTrue(enumError.json().at("/detail/0/msg").asText().contains("'FULL_BODY'"), enumError.body());
    }

    @Test
    void anIdOfAnotherResourceTypeOrNoRowIsA422OnItsField() {
        Http.Response response = Http.postJson(api + "/pose-presets/?organization_id=" + org, member.token(),
                "{\"name\":\"Hands on hips\",\"shot_type_id\":\"" + UUID.randomUUID() + "\"}");
        assertEquals(422, response.status(), response.body());
        assertEquals("[\"body\",\"shot_type_id\"]", response.json().at("/detail/0/loc").toString());
        assertEquals("Shot type not found", response.json().at("/detail/0/msg").asText());
    }

    @Test
    void pagesAreStableNewestFirstWithTheTotalCount() {
        String other = Tenants.organization(hubs, member);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Http.Response tag = Http.postJson(api + "/tags/?organization_id=" + other, member.token(), "{\"name\":\"tag-" + i + "\"}");
            assertEquals(201, tag.status(), tag.body());
            ids.add(0, tag.json().get("id").asText());
        }
        List<String> seen = new ArrayList<>();
        for (int skip = 0; skip < 9; skip += 3) {
            JsonNode page = Http.get(api + "/tags/?organization_id=" + other + "&skip=" + skip + "&limit=3", member.token()).json();
            assertEquals(7, page.get("count").asInt());
            page.get("data").forEach(t -> seen.add(t.get("id").asText()));
        }
        assertEquals(ids, seen);
        JsonNode beyond = Http.get(api + "/tags/?organization_id=" + other + "&skip=50", member.token()).json();
        assertEquals(7, beyond.get("count").asInt(), "an empty page still counts");
        assertEquals(0, beyond.get("data").size());

        Http.Response bad = Http.get(api + "/tags/?organization_id=" + other + "&skip=-1&limit=abc", member.token());
        assertEquals(422, bad.status());
        assertEquals(2, bad.json().get("detail").size(), bad.body());
        assertEquals(422, Http.get(api + "/tags/?limit=0", member.token()).status());
        assertEquals(422, Http.get(api + "/tags/?limit=100000", member.token()).status());
        assertEquals(409, Http.postJson(api + "/tags/?organization_id=" + other, member.token(), "{\"name\":\"TAG-3\"}").status(),
                "tag names are unique per organization, case-insensitively");
    }

    @Test
    void subjectsFilterByAgeClassBodyTypeBaseImagesAndPublished() {
        String space = Tenants.organization(hubs, member);
        String url = api + "/subjects/?organization_id=" + space;
        assertEquals(201, Http.postJson(url, member.token(), "{\"name\":\"Ada\",\"age_class\":\"YOUNG\",\"body_type\":\"SLIM\"}").status());
        JsonNode withImages = Http.postJson(url, member.token(), "{\"name\":\"Béa Noir\",\"age_class\":\"ELDER\",\"body_type\":\"CURVY\","
                + "\"base_images\":[{\"image_url\":\"https://cdn.example.com/b.png\"}]}").json();
        assertEquals("bea-noir", withImages.get("slug").asText());
        Http.Response published = Http.postJson(api + "/subjects/", admin.token(), "{\"name\":\"Public model\",\"public\":true,\"age_class\":\"YOUNG\"}");
        assertEquals(201, published.status(), published.body());

        assertEquals(1, Http.get(url + "&age_class=YOUNG", member.token()).json().get("count").asInt());
        assertEquals(1, Http.get(url + "&body_type=CURVY", member.token()).json().get("count").asInt());
        assertEquals(1, Http.get(url + "&only_with_base_images=true", member.token()).json().get("count").asInt());
        JsonNode withPublic = Http.get(url + "&age_class=YOUNG&include_public=true", member.token()).json();
        assertTrue(withPublic.get("count").asInt() >= 2, withPublic.toString());
        Http.Response bad = Http.get(url + "&age_class=ANCIENT&include_public=maybe", member.token());
        assertEquals(422, bad.status());
        assertEquals(2, bad.json().get("detail").size(), bad.body());

        String publicId = published.json().get("id").asText();
        assertEquals(200, Http.get(api + "/subjects/" + publicId, member.token()).status(), "published subjects are readable");
        assertEquals(403, Http.send("PATCH", api + "/subjects/" + publicId, member.token(), "{\"name\":\"mine now\"}").status(),
                "but not writable by other tenants");
        assertEquals(403, Http.postJson(url, member.token(), "{\"name\":\"x\",\"public\":true}").status(), "only superusers publish");
    }

    @Test
    void everyOtherResourceGroupCompletesItsLifeCycle() {
        String shotType = created("/shot-types/", "{\"name\":\"Front full\",\"framing\":\"FULL_BODY\",\"view_angle\":\"FRONT\"}").get("id").asText();
        String background = created("/background-presets/", "{\"name\":\"White cyc\",\"color\":\"#ffffff\"}").get("id").asText();
        String resolution = created("/resolution-presets/", "{\"name\":\"Portrait\",\"width\":1024,\"height\":1536}").get("id").asText();
        String pose = created("/pose-presets/", "{\"name\":\"Walk\",\"shot_type_id\":\"" + shotType + "\"}").get("id").asText();
        String set = created("/set-designs/", "{\"name\":\"Loft\",\"background_preset_id\":\"" + background
                + "\",\"reference_images\":[{\"label\":\"wide\",\"image\":\"https://cdn.example.com/r.png\"}]}").get("id").asText();
        JsonNode guideline = created("/guidelines/", "{\"name\":\"E-com\",\"resolution_preset_id\":\"" + resolution + "\",\"set_design_id\":\"" + set
                + "\",\"shot_type_ids\":[\"" + shotType + "\"],\"file_format\":\"PNG\"}");
        assertEquals(shotType, guideline.at("/shot_type_ids/0").asText());
        JsonNode style = created("/styles/", "{\"name\":\"Soft Light\",\"lora_weight\":0.8}");
        assertEquals("soft-light", style.get("slug").asText());
        JsonNode stylist = created("/stylists/", "{\"name\":\"Minimal\",\"styling_template_values\":{\"AESTHETIC\":\"clean\"}}");
        assertEquals("clean", stylist.at("/styling_template_values/AESTHETIC").asText());

        Http.Response put = Http.send("PUT", api + "/pose-presets/" + pose, member.token(), "{\"prompt\":\"mid-stride\"}");
        assertEquals(200, put.status(), put.body());
        assertEquals("Walk", put.json().get("name").asText());
        assertEquals(200, Http.send("PUT", api + "/set-designs/" + set, member.token(), "{\"description\":\"bright\"}").status());
        assertEquals(200, Http.send("PUT", api + "/stylists/" + stylist.get("id").asText(), member.token(), "{\"brand\":\"X\"}").status());
        assertEquals(200, Http.send("PATCH", api + "/styles/" + style.get("id").asText(), member.token(), "{\"lora_weight\":1.2}").status());
        assertEquals(200, Http.send("PATCH", api + "/shot-types/" + shotType, member.token(), "{\"view_angle\":\"SIDE\"}").status());
        for (String path : List.of("/guidelines/", "/shot-types/", "/pose-presets/", "/set-designs/", "/stylists/", "/styles/",
                "/background-presets/", "/resolution-presets/")) {
            JsonNode page = Http.get(api + path + "?organization_id=" + org, member.token()).json();
            assertTrue(page.get("count").asInt() >= 1, path + " " + page);
        }
        assertEquals(200, Http.send("DELETE", api + "/pose-presets/" + pose, member.token(), null).status());
        assertEquals(404, Http.get(api + "/pose-presets/" + pose, member.token()).status());
    }

    @Test
    void generationModelsAreListedWithoutATokenAndWrittenBySuperusersOnly() {
        Http.Response anonymous = Http.get(api + "/generation-models/", null);
        assertEquals(200, anonymous.status(), anonymous.body());
        int before = anonymous.json().get("count").asInt();
        String body = "{\"name\":\"flux-" + UUID.randomUUID().toString().substring(0, 6) + "\",\"provider\":\"fal_standard\","
                + "\"tool_types\":[\"BASE_GENERATION\"],\"provider_config\":{\"endpoint\":\"fal-ai/flux\"},\"recommended\":true}";
        assertEquals(403, Http.postJson(api + "/generation-models/", member.token(), body).status());
        Http.Response created = Http.postJson(api + "/generation-models/", admin.token(), body);
        assertEquals(201, created.status(), created.body());
        assertEquals("fal-ai/flux", created.json().at("/provider_config/endpoint").asText());
        // the cached list was evicted by the write
        assertEquals(before + 1, Http.get(api + "/generation-models/", null).json().get("count").asInt());
        assertEquals(409, Http.postJson(api + "/generation-models/", admin.token(), body).status());
        String id = created.json().get("id").asText();
        assertEquals(403, Http.send("PUT", api + "/generation-models/" + id, member.token(), "{\"beta\":true}").status());
        assertTrue(Http.send("PUT", api + "/generation-models/" + id, admin.token(), "{\"beta\":true}").json().get("beta").asBoolean());
        JsonNode listed = Http.get(api + "/generation-models/", null).json();
        assertNotNull(listed.get("data"));
        boolean seenBeta = false;
        for (JsonNode model : listed.get("data")) {
            seenBeta |= model.get("id").asText().equals(id) && model.get("beta").asBoolean();
        }
        assertTrue(seenBeta, "the update evicted the cached list: " + listed);
        assertEquals(401, Http.get(api + "/generation-models/" + id, null).status(), "only the list is public");
    }

    @Test
    void presetListsAreCachedPerTenantAndEvictedOnWrite() {
        String space = Tenants.organization(hubs, member);
        String url = api + "/resolution-presets/?organization_id=" + space;
        int publicOnes = Http.get(url, member.token()).json().get("count").asInt();
        Http.Response created = Http.postJson(url, member.token(), "{\"name\":\"Square\",\"width\":1024,\"height\":1024}");
        assertEquals(201, created.status(), created.body());
        assertEquals(publicOnes + 1, Http.get(url, member.token()).json().get("count").asInt());
        assertEquals(publicOnes, Http.get(api + "/resolution-presets/?organization_id=" + Tenants.organization(hubs, member), member.token())
                .json().get("count").asInt(), "another tenant's cached answer is its own");
        Http.send("DELETE", api + "/resolution-presets/" + created.json().get("id").asText(), member.token(), null);
        assertEquals(publicOnes, Http.get(url, member.token()).json().get("count").asInt());
    }

    @Test
    void productImagesAreIngestedFromUploadsAndAnsweredAsCdnUrls() {
        String cover = MediaTest.upload(hubs, member.token(), "cover.png", "image/png", MediaTest.image(java.awt.Color.GREEN, "png"));
        JsonNode product = created("/products/", "{\"name\":\"Coat\",\"sku\":\"COAT-1\",\"cover_image\":\"" + cover + "\"}");
        String coverUrl = product.get("cover_image_url").asText();
        assertTrue(coverUrl.matches(".*/media/[0-9a-f-]{36}/file\\.png"), coverUrl);
        assertTrue(product.get("back_image_url").isNull());
        String id = product.get("id").asText();
        assertEquals(coverUrl, Http.get(api + "/products/" + id, member.token()).json().get("cover_image_url").asText());
        JsonNode listed = Http.get(api + "/products/?organization_id=" + org + "&limit=1000", member.token()).json();
        boolean seen = false;
        for (JsonNode p : listed.get("data")) {
            seen |= p.get("id").asText().equals(id) && p.get("cover_image_url").asText().equals(coverUrl);
        }
        assertTrue(seen, "lists show the image URLs too");

        String back = MediaTest.upload(hubs, member.token(), "back.png", "image/png", MediaTest.image(java.awt.Color.BLACK, "png"));
        JsonNode patched = Http.send("PATCH", api + "/products/" + id, member.token(), "{\"back_image\":\"" + back + "\"}").json();
        assertEquals(coverUrl, patched.get("cover_image_url").asText(), "slots not sent keep their image");
        assertTrue(patched.get("back_image_url").asText().contains("/media/"), patched.toString());

        int before = Http.get(api + "/products/?organization_id=" + org, member.token()).json().get("count").asInt();
        Http.Response refused = Http.postJson(api + "/products/?organization_id=" + org, member.token(),
                "{\"name\":\"Hat\",\"sku\":\"HAT-1\",\"cover_image\":\"https://elsewhere.example.com/x.png\"}");
        assertEquals(422, refused.status(), refused.body());
        assertEquals("[\"body\",\"cover_image\"]", refused.json().at("/detail/0/loc").toString());
        assertEquals(before, Http.get(api + "/products/?organization_id=" + org, member.token()).json().get("count").asInt(),
                "a product whose image is refused is not created");

        String pose = MediaTest.upload(hubs, member.token(), "pose.png", "image/png", MediaTest.image(java.awt.Color.ORANGE, "png"));
        String shotType = created("/shot-types/", "{\"name\":\"Back\",\"framing\":\"UPPER_BODY\",\"view_angle\":\"BACK\"}").get("id").asText();
        JsonNode preset = created("/pose-presets/", "{\"name\":\"Arms up\",\"shot_type_id\":\"" + shotType + "\",\"pose_image\":\"" + pose + "\"}");
        assertTrue(preset.get("pose_image_url").asText().contains("/media/"), preset.toString());
        String face = MediaTest.upload(hubs, member.token(), "face.png", "image/png", MediaTest.image(java.awt.Color.PINK, "png"));
        JsonNode subject = created("/subjects/", "{\"name\":\"Cleo\",\"cover_image\":\"" + face + "\"}");
        assertTrue(subject.get("cover_image_url").asText().contains("/media/"), subject.toString());
        assertEquals(200, Http.send("DELETE", api + "/products/" + id, member.token(), null).status());
    }

    @Test
    void theOpenApiDocumentListsEveryCatalogVerbWithItsSchemas() {
        JsonNode openapi = Http.get(api + "/openapi.json", null).json();
        JsonNode paths = openapi.get("paths");
        List<String> missing = new ArrayList<>();
        for (TenantIsolationTest.Resource r : TenantIsolationTest.resources()) {
            String table = r.path().replace('-', '_').replaceAll("s$", "");
            JsonNode list = paths.get("/" + r.path());
            JsonNode one = paths.get("/" + r.path() + "/{" + table + "_id}");
            if (list == null || list.get("get") == null || list.get("post") == null || one == null || one.get("get") == null
                    || r.update() != null && one.get(r.update().toLowerCase()) == null || r.deletable() && one.get("delete") == null) {
                missing.add(r.path());
            }
        }
        assertTrue(missing.isEmpty(), "undocumented verbs of " + missing);
        assertNotNull(paths.get("/search"));
        assertNotNull(paths.at("/~1generation-models/get"));
        assertTrue(paths.at("/~1generation-models/get/security").isMissingNode(), "the public list declares no security");
        JsonNode schemas = openapi.at("/components/schemas");
        assertTrue(schemas.at("/ProductPublic/properties/cover_image_url").isObject(), schemas.get("ProductPublic").toString());
        assertTrue(schemas.at("/ProductsPublic/properties/count").isObject());
        assertTrue(schemas.at("/SubjectCreate/properties/age_class/enum").isArray(), String.valueOf(schemas.get("SubjectCreate")));
    }
}
