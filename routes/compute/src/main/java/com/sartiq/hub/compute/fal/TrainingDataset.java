package com.sartiq.hub.compute.fal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.common.storage.StorageProperties;
import com.sartiq.hub.compute.tasks.TaskFailedException;
import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The dataset of a TRAINING task, as fal's trainers want it: one zip of images ({@code images_data_url}). The
 * task names objects of our storage: a ready zip ({@code dataset_zip_url}), or images ({@code source_images}) that
 * are streamed one by one from storage into a zip spooled to a local temporary file (never held whole in memory)
 * and stored at {@code tasks/<id>/dataset.zip}. fal reads it through a presigned GET URL valid for
 * {@code hub.providers.fal.dataset-url-seconds}. A URL outside our storage fails the task as invalid input.
 */
public class TrainingDataset {

    public static final String SOURCES = "trainingSources";
    public static final String DATASET_KEY = "trainingDatasetKey";

    private static final String PARAMS = "trainingParams";
    private static final String ZIP = "trainingZip";
    private static final String ZIP_FILE = "trainingZipFile";
    private static final String ENTRIES = "trainingEntries";

    private final StorageProperties storage;
    private final S3Presigner presigner;
    private final Duration urlValidity;
    private final ObjectMapper mapper;

    public TrainingDataset(StorageProperties storage, S3Presigner presigner, Duration urlValidity, ObjectMapper mapper) {
        this.storage = storage;
        this.presigner = presigner;
        this.urlValidity = urlValidity;
        this.mapper = mapper;
    }

    /** Reads the task: the storage keys of its images (to zip) or of its zip. */
    public void plan(Exchange exchange) throws IOException {
        ObjectNode params = (ObjectNode) mapper.readTree(exchange.getMessage().getBody(String.class));
        exchange.setProperty(PARAMS, params);
        String taskId = exchange.getProperty("taskId", String.class);
        if (params.hasNonNull("dataset_zip_url")) {
            exchange.setProperty(DATASET_KEY, key(params.get("dataset_zip_url").asText(), "dataset_zip_url"));
            exchange.removeProperty(SOURCES);
            return;
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode url : params.path("source_images")) {
            keys.add(key(url.asText(), "source_images"));
        }
        if (keys.isEmpty()) {
            throw TaskFailedException.invalidInput("a training needs source_images or dataset_zip_url");
        }
        exchange.setProperty(SOURCES, keys);
        exchange.setProperty(DATASET_KEY, "tasks/" + taskId + "/dataset.zip");
    }

    /** The storage key of one of our URLs; anything else is refused. */
    String key(String url, String field) {
        String base = storage.cdnBaseUrl() == null ? "" : storage.cdnBaseUrl().replaceAll("/+$", "");
        if (base.isEmpty() || !url.startsWith(base + "/") || url.length() == base.length() + 1 || url.contains("..")) {
            throw TaskFailedException.invalidInput(field + " must name objects of our storage (" + (base.isEmpty() ? "no storage URL configured" : base + "/…")
                    + "), not " + url);
        }
        return url.substring(base.length() + 1).replaceAll("[?#].*$", "");
    }

    public void open(Exchange exchange) throws IOException {
        Path file = Files.createTempFile("training-" + exchange.getProperty("taskId") + "-", ".zip");
        exchange.setProperty(ZIP_FILE, file);
        exchange.setProperty(ZIP, new ZipOutputStream(Files.newOutputStream(file)));
        // shared with the split's copies of the exchange, which each add one entry
        exchange.setProperty(ENTRIES, new AtomicInteger());
    }

    /** Appends the image just read from storage (body: its stream) as {@code NNNN.<ext>}. */
    public void add(Exchange exchange) throws IOException {
        int index = exchange.getProperty(ENTRIES, AtomicInteger.class).getAndIncrement();
        String key = exchange.getMessage().getHeader(AWS2S3Constants.KEY, String.class);
        String name = String.format(Locale.ROOT, "%04d%s", index + 1,
                extension(exchange.getMessage().getHeader(AWS2S3Constants.CONTENT_TYPE, String.class), key));
        ZipOutputStream zip = exchange.getProperty(ZIP, ZipOutputStream.class);
        zip.putNextEntry(new ZipEntry(name));
        try (InputStream in = exchange.getMessage().getMandatoryBody(InputStream.class)) {
            in.transferTo(zip);
        } catch (org.apache.camel.InvalidPayloadException e) {
            throw new IOException("storage returned no body for " + key, e);
        }
        zip.closeEntry();
    }

    /** Finishes the zip; the message becomes the upload of {@code tasks/<id>/dataset.zip}. */
    public void close(Exchange exchange) throws IOException {
        exchange.getProperty(ZIP, ZipOutputStream.class).close();
        exchange.removeProperty(ZIP);
        Path file = exchange.getProperty(ZIP_FILE, Path.class);
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(AWS2S3Constants.KEY, exchange.getProperty(DATASET_KEY));
        message.setHeader(AWS2S3Constants.CONTENT_TYPE, "application/zip");
        message.setHeader(AWS2S3Constants.CONTENT_LENGTH, Files.size(file));
        message.setBody(file.toFile());
    }

    public void cleanup(Exchange exchange) throws IOException {
        OutputStream zip = exchange.getProperty(ZIP, OutputStream.class);
        if (zip != null) {
            zip.close();
        }
        Path file = exchange.getProperty(ZIP_FILE, Path.class);
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    /** The input fal's trainer reads: the task's parameters plus the dataset's presigned URL and the style switch. */
    public String submitBody(Exchange exchange) {
        ObjectNode params = exchange.getProperty(PARAMS, ObjectNode.class).deepCopy();
        String key = exchange.getProperty(DATASET_KEY, String.class);
        params.put("images_data_url", presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(urlValidity)
                .getObjectRequest(r -> r.bucket(storage.bucket()).key(key)).build()).url().toString());
        params.put("is_style", "STYLE".equals(params.path("entity_type").asText()));
        return params.toString();
    }

    static String extension(String contentType, String key) {
        Map<String, String> known = Map.of("image/png", ".png", "image/jpeg", ".jpg", "image/webp", ".webp");
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (known.containsKey(type)) {
            return known.get(type);
        }
        String lower = key == null ? "" : key.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return dot > lower.lastIndexOf('/') && lower.substring(dot).matches("\\.(png|jpe?g|webp)") ? lower.substring(dot) : ".png";
    }
}
