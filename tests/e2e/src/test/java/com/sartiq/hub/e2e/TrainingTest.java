package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import com.sartiq.hub.sim.ProviderSimulator;
import com.sartiq.hub.testsupport.HubStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TRAINING end to end over compute-hub and the simulator's LoRA trainer: dataset zip from our storage, fal's
 * trainer input with a presigned URL, progress from fal's logs in the task's events, weights and config copied
 * into our storage.
 */
class TrainingTest {

    private static final String TRAINER = "fal-ai/flux-lora-fast-training";

    private static LocalStack hubs;
    private static ProviderSimulator sim;
    private static String key;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        sim = hubs.stack().simulator();
        key = hubs.stack().secrets().computeApiKey();
        sim.setTrainingMillis(5000);
    }

    @AfterAll
    static void restore() {
        sim.setTrainingMillis(3000);
    }

    @Test
    void aLoraIsTrainedFromSourceImagesWithProgressAndItsFilesLandInOurStorage() throws Exception {
        String folder = storage() + "/inputs/training-" + UUID.randomUUID();
        List<String> images = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            images.add(folder + "/" + i + ".png");
            Http.put(images.get(i), png(new Color(40 * i, 90, 200)), "image/png");
        }
        int trainerSubmits = sim.submissionCount(TRAINER);
        Http.Response created = Http.postJson(hubs.computeUrl() + "/api/v1/training/", key, "{\"trigger_word\":\"sqcoat\","
                + "\"entity_type\":\"PRODUCT\",\"steps\":500,\"source_images\":" + Http.JSON.writeValueAsString(images) + "}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        assertEquals("TRAINING", created.json().get("task_type").asText());

        JsonNode done = Http.await(hubs.computeUrl() + "/api/v1/training/" + id, key, Duration.ofSeconds(90), TrainingTest::ended);
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertEquals(trainerSubmits + 1, sim.submissionCount(TRAINER), "one paid training");

        // the dataset the worker zipped from storage, and what fal's trainer found in it
        String dataset = storage() + "/tasks/" + id + "/dataset.zip";
        assertEquals(List.of("0001.png", "0002.png", "0003.png"), entries(Http.bytes(dataset)));
        JsonNode out = done.get("output");
        assertEquals("sqcoat", out.get("trigger_word").asText());
        assertTrue(out.get("lora_url").asText().startsWith(storage() + "/tasks/" + id + "/"), out.toString());
        assertTrue(out.get("lora_url").asText().endsWith(".safetensors"), out.toString());
        JsonNode config = Http.JSON.readTree(Http.bytes(out.get("config_url").asText()));
        assertEquals(3, config.get("images").asInt(), "fal read the three images through the presigned URL");
        assertEquals(500, config.get("steps").asInt());
        byte[] weights = Http.bytes(out.get("lora_url").asText());
        assertTrue(new String(weights, StandardCharsets.UTF_8).contains("\"trigger_word\":\"sqcoat\""));
        assertEquals(weights.length, out.at("/files/0/size").asLong(), out.toString());
        assertEquals("application/octet-stream", out.at("/files/0/content_type").asText());
        assertEquals("application/json", out.at("/files/1/content_type").asText());

        // progress from fal's logs reached the task's events, as training_status_update
        JsonNode details = Http.get(hubs.computeUrl() + "/api/v1/monitoring/tasks/" + id, key).json();
        List<Integer> progress = new ArrayList<>();
        for (JsonNode event : details.get("events")) {
            assertEquals("training_status_update", event.at("/event/event_type").asText(), event.toString());
            progress.add(event.at("/event/progress").asInt());
        }
        assertTrue(progress.stream().anyMatch(p -> p > 10 && p < 90), "a step count from the logs: " + progress);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1) || progress.get(i) == 100 || progress.get(i) == 0, "never backwards: " + progress);
        }
        List<String> operations = new ArrayList<>();
        details.get("provider_attempts").forEach(a -> operations.add(a.get("operation").asText()));
        assertEquals("submit", operations.get(0), operations.toString());
        assertTrue(operations.contains("status"), operations.toString());
        assertEquals(TRAINER, details.at("/provider_attempts/0/model").asText());
    }

    @Test
    void aZipAlreadyInStorageIsTrainedAsItIs() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (String name : List.of("a.png", "b.png")) {
                out.putNextEntry(new ZipEntry(name));
                out.write(png(Color.ORANGE));
                out.closeEntry();
                out.putNextEntry(new ZipEntry(name.replace(".png", ".txt")));
                out.write("sqstyle, a watercolour coat".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        String url = storage() + "/inputs/" + UUID.randomUUID() + ".zip";
        Http.put(url, zip.toByteArray(), "application/zip");
        Http.Response created = Http.postJson(hubs.computeUrl() + "/api/v1/training/", key,
                "{\"trigger_word\":\"sqstyle\",\"entity_type\":\"STYLE\",\"dataset_zip_url\":\"" + url + "\"}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        JsonNode done = Http.await(hubs.computeUrl() + "/api/v1/training/" + id, key, Duration.ofSeconds(90), TrainingTest::ended);
        assertEquals("completed", done.get("status").asText(), done.toString());
        JsonNode config = Http.JSON.readTree(Http.bytes(done.at("/output/config_url").asText()));
        assertEquals(2, config.get("images").asInt(), "captions are not images");
        assertEquals(1000, config.get("steps").asInt(), "the documented default");
    }

    @Test
    void aDatasetOutsideOurStorageFailsTheTrainingAndTwoDatasetsAreRefused() {
        Http.Response both = Http.postJson(hubs.computeUrl() + "/api/v1/training/", key, "{\"trigger_word\":\"x\","
                + "\"source_images\":[\"" + storage() + "/a.png\"],\"dataset_zip_url\":\"" + storage() + "/a.zip\"}");
        assertEquals(422, both.status(), both.body());
        assertTrue(both.body().contains("exactly one of source_images"), both.body());
        Http.Response none = Http.postJson(hubs.computeUrl() + "/api/v1/training/", key, "{\"trigger_word\":\"x\"}");
        assertEquals(422, none.status(), none.body());

        int trainerSubmits = sim.submissionCount(TRAINER);
        Http.Response elsewhere = Http.postJson(hubs.computeUrl() + "/api/v1/training/", key,
                "{\"trigger_word\":\"x\",\"source_images\":[\"https://elsewhere.example/a.png\"]}");
        assertEquals(201, elsewhere.status(), elsewhere.body());
        JsonNode failed = Http.await(hubs.computeUrl() + "/api/v1/training/" + elsewhere.json().get("id").asText(), key,
                Duration.ofSeconds(60), TrainingTest::ended);
        assertEquals("failed", failed.get("status").asText(), failed.toString());
        assertEquals("invalid_input", failed.get("error_category").asText());
        assertTrue(failed.get("error_message").asText().contains("must name objects of our storage"), failed.toString());

        Http.Response missing = Http.postJson(hubs.computeUrl() + "/api/v1/training/", key,
                "{\"trigger_word\":\"x\",\"source_images\":[\"" + storage() + "/inputs/" + UUID.randomUUID() + ".png\"]}");
        JsonNode gone = Http.await(hubs.computeUrl() + "/api/v1/training/" + missing.json().get("id").asText(), key,
                Duration.ofSeconds(60), TrainingTest::ended);
        assertEquals("failed", gone.get("status").asText(), gone.toString());
        assertEquals("invalid_input", gone.get("error_category").asText(), gone.toString());
        assertNotEquals(-1, gone.get("error_message").asText().indexOf("not in our storage"), gone.toString());
        assertEquals(trainerSubmits, sim.submissionCount(TRAINER), "nothing reached fal");
    }

    private static boolean ended(JsonNode task) {
        String status = task.get("status").asText();
        return !status.equals("pending") && !status.equals("running");
    }

    private static String storage() {
        return hubs.stack().s3().publicBaseUrl(HubStack.BUCKET);
    }

    private static byte[] png(Color color) throws Exception {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 32, 32);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
