package com.sartiq.hub.backend.media;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL a client hands us for an image slot, when it is one of ours: an upload under {@code temp/}
 * or an ingested media object {@code media/{resource_id}/file.{ext}}, both under the CDN base URL.
 */
public record MediaRef(Kind kind, String key, String resourceId) {

    public enum Kind { TEMP, MEDIA }

    private static final Pattern TEMP = Pattern.compile("temp/[A-Za-z0-9][A-Za-z0-9._-]{0,300}");
    private static final Pattern MEDIA = Pattern.compile("media/([0-9a-fA-F-]{36})/file\\.[a-z0-9]{1,5}");

    /** Empty when the URL is not one of our temp or media objects. */
    public static Optional<MediaRef> parse(String url, String cdnBaseUrl) {
        if (url == null || cdnBaseUrl == null || cdnBaseUrl.isBlank()) {
            return Optional.empty();
        }
        String base = cdnBaseUrl.replaceAll("/+$", "") + "/";
        if (!url.startsWith(base)) {
            return Optional.empty();
        }
        String key = url.substring(base.length());
        int query = key.indexOf('?');
        if (query >= 0) {
            key = key.substring(0, query);
        }
        try {
            // percent-escapes would let "..%2F" through a pattern check
            if (!URI.create(url).getPath().endsWith(key)) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (TEMP.matcher(key).matches() && !key.contains("..")) {
            return Optional.of(new MediaRef(Kind.TEMP, key, null));
        }
        Matcher media = MEDIA.matcher(key);
        if (media.matches()) {
            try {
                return Optional.of(new MediaRef(Kind.MEDIA, key, UUID.fromString(media.group(1)).toString()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The canonical key of an ingested resource. */
    public static String mediaKey(String resourceId, String extension) {
        return "media/" + resourceId + "/file." + extension;
    }
}
