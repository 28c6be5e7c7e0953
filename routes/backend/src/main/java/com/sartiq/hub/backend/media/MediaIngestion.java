package com.sartiq.hub.backend.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.backend.tenancy.Scope;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;
import com.sartiq.hub.common.storage.StorageProperties;
import org.apache.camel.Exchange;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The steps of ingesting an upload (spec §3.4), called from {@link MediaRoutes}: check what the store
 * holds under the temp key (exists, size, real image type, MD5), then dedupe on that hash.
 * State travels in exchange properties: {@code slotUrl}, {@code fileSize}, {@code contentHash},
 * {@code imageType}, {@code rejection} (an error to answer after the temp object is deleted).
 */
public class MediaIngestion {

    private static final Pattern PLAIN_MD5_ETAG = Pattern.compile("[0-9a-fA-F]{32}");

    private final StorageProperties storage;
    private final MediaProperties media;
    private final ObjectMapper mapper;

    public MediaIngestion(StorageProperties storage, MediaProperties media, ObjectMapper mapper) {
        this.storage = storage;
        this.media = media;
        this.mapper = mapper;
    }

    /** After {@code headObject}: a missing object is bad input, an unreachable store a 503, too big a 413. */
    public void checkHead(Exchange exchange) {
        SlotUrl slot = exchange.getProperty("slotUrl", SlotUrl.class);
        Exception failure = exchange.getProperty("storageError", Exception.class);
        if (failure != null) {
            if (failure instanceof S3Exception s3 && (s3.statusCode() == 404 || s3.statusCode() == 403)) {
                throw new RequestValidationException(new FieldError(List.of("body", slot.slot()),
                        "File not found in storage: the upload did not complete or has expired", "url_invalid"));
            }
            throw ApiException.serviceUnavailable("Storage unavailable");
        }
        HeadObjectResponse head = exchange.getMessage().getBody(HeadObjectResponse.class);
        long size = head.contentLength() == null ? 0 : head.contentLength();
        exchange.setProperty("fileSize", size);
        String etag = head.eTag() == null ? "" : head.eTag().replace("\"", "");
        // a single-part upload's ETag is the MD5 of its bytes; a multipart one ("…-N") is not, so it is computed
        exchange.setProperty("contentHash", PLAIN_MD5_ETAG.matcher(etag).matches() ? etag.toLowerCase() : null);
        if (size > media.maxFileSize()) {
            exchange.setProperty("rejection", new ApiException(413, "File too large: the limit is " + media.maxFileSize() + " bytes"));
        } else if (size == 0) {
            exchange.setProperty("rejection", new ApiException(415, "Unsupported file type: the file is empty"));
        }
    }

    /** After {@code getObjectRange} of the first bytes: the type comes from the bytes, never from the name. */
    public void sniff(Exchange exchange) throws IOException {
        byte[] head;
        try (InputStream in = exchange.getMessage().getBody(InputStream.class)) {
            head = in == null ? new byte[0] : in.readNBytes(ImageType.SNIFF_BYTES);
        }
        ImageType.sniff(head).ifPresentOrElse(
                type -> exchange.setProperty("imageType", type),
                () -> exchange.setProperty("rejection", new ApiException(415, "Unsupported file type: the file is not an image")));
    }

    /** After {@code getObject}: the MD5 of the whole object, read as a stream. */
    public void digest(Exchange exchange) throws IOException {
        try (InputStream in = exchange.getMessage().getBody(InputStream.class)) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md5.update(buffer, 0, n);
            }
            exchange.setProperty("contentHash", HexFormat.of().formatHex(md5.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void throwRejection(Exchange exchange) {
        throw exchange.getProperty("rejection", ApiException.class);
    }

    public Map<String, Object> hashParams(Exchange exchange) {
        return Map.of("hash", exchange.getProperty("contentHash"));
    }

    /** Parameters of {@code media-insert.sql} for a new resource; its key goes to {@code mediaKey}. */
    public Map<String, Object> insertParams(Exchange exchange) {
        ImageType type = exchange.getProperty("imageType", ImageType.class);
        String id = UUID.randomUUID().toString();
        String key = MediaRef.mediaKey(id, type.extension());
        exchange.setProperty("mediaKey", key);
        Scope scope = exchange.getProperty(Scope.PROPERTY, Scope.class);
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("storageKey", key);
        params.put("hash", exchange.getProperty("contentHash"));
        params.put("extension", type.extension());
        params.put("mimeType", type.mimeType());
        params.put("fileSize", exchange.getProperty("fileSize"));
        params.put("userId", scope == null ? null : scope.userId());
        return params;
    }

    /** The slot's result from a {@code media_resource} row ({@code id, storage_key}). */
    public Attached attached(Exchange exchange) {
        SlotUrl slot = exchange.getProperty("slotUrl", SlotUrl.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> row = exchange.getMessage().getBody(Map.class);
        return new Attached(slot.slot(), slot.position(), (String) row.get("id"), storage.publicUrl((String) row.get("storage_key")));
    }

    /** An existing media URL must name a resource that exists. */
    public void requireResource(Exchange exchange) {
        if (exchange.getMessage().getBody() == null) {
            SlotUrl slot = exchange.getProperty("slotUrl", SlotUrl.class);
            throw new RequestValidationException(new FieldError(List.of("body", slot.slot()), "Media resource not found", "url_invalid"));
        }
    }

    /** Parameters of {@code media-attachments-replace.sql}. */
    public Map<String, Object> replaceParams(Exchange exchange) throws JsonProcessingException {
        AttachPlan plan = exchange.getProperty("attachPlan", AttachPlan.class);
        @SuppressWarnings("unchecked")
        List<Attached> attached = exchange.getProperty("attached", List.class);
        Scope scope = exchange.getProperty(Scope.PROPERTY, Scope.class);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Attached a : attached) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("media_resource_id", a.mediaResourceId());
            row.put("slot", a.slot());
            row.put("position", a.position());
            rows.add(row);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("entityType", plan.entityType());
        params.put("entityId", plan.entityId());
        params.put("slots", String.join(",", plan.slotNames()));
        params.put("rows", mapper.writeValueAsString(rows));
        params.put("userId", scope == null ? null : scope.userId());
        params.put("organizationId", scope == null ? null : scope.organizationId());
        return params;
    }

    /** {@code entityId → slot → url}, or a list of URLs in position order for positioned slots. */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> urls(List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> byEntity = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> slots = byEntity.computeIfAbsent((String) row.get("entity_id"), k -> new LinkedHashMap<>());
            String url = storage.publicUrl((String) row.get("storage_key"));
            String slot = (String) row.get("slot");
            if (row.get("position") == null) {
                slots.put(slot, url);
            } else {
                ((List<String>) slots.computeIfAbsent(slot, k -> new ArrayList<String>())).add(url);
            }
        }
        return byEntity;
    }

    public static boolean isStorageFailure(Throwable t) {
        return t instanceof SdkException;
    }
}
