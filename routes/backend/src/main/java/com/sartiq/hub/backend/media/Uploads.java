package com.sartiq.hub.backend.media;

import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.storage.StorageProperties;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/** Presigned uploads: checks the announced file, picks its temp key and signs a PUT for it. */
public class Uploads {

    private final S3Presigner presigner;
    private final StorageProperties storage;
    private final MediaProperties media;
    private final Clock clock;

    public Uploads(S3Presigner presigner, StorageProperties storage, MediaProperties media, Clock clock) {
        this.presigner = presigner;
        this.storage = storage;
        this.media = media;
        this.clock = clock;
    }

    public PresignedUpload presign(UploadRequest request) {
        if (request.size() != null && request.size() > media.maxFileSize()) {
            throw new ApiException(413, "File too large: the limit is " + media.maxFileSize() + " bytes");
        }
        String contentType = request.contentType().trim().toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("image/")) {
            throw new ApiException(415, "Unsupported file type " + contentType + ": only images can be uploaded");
        }
        String key = "temp/" + UUID.randomUUID().toString().replace("-", "") + "_" + clock.millis() + "_" + safeFilename(request.filename());
        int expiry = media.expirySecondsFor(request.size());
        PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(storage.bucket()).key(key).contentType(contentType);
        if (request.size() != null) {
            // signed, so the store refuses a body of another length: the limit holds without trusting the client
            put.contentLength(request.size());
        }
        String url = presigner.presignPutObject(PutObjectPresignRequest.builder()
                .signatureDuration(Duration.ofSeconds(expiry)).putObjectRequest(put.build()).build()).url().toString();
        return new PresignedUpload(url, storage.publicUrl(key), "PUT", expiry, media.maxFileSize());
    }

    /** ASCII letters, digits, dot, dash and underscore only; at most 100 characters; never empty. */
    public static String safeFilename(String filename) {
        String name = filename == null ? "" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        name = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("\\.{2,}", ".").replaceAll("^[._-]+", "");
        if (name.length() > 100) {
            name = name.substring(name.length() - 100).replaceAll("^[._-]+", "");
        }
        return name.isEmpty() ? "file" : name;
    }
}
