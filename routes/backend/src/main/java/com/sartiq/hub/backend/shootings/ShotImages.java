package com.sartiq.hub.backend.shootings;

/** Where a shot image lives in our bucket, read from its public URL. */
public final class ShotImages {

    private ShotImages() {
    }

    /** The object key of a URL under the CDN base, without query or fragment; null for a URL that is not ours. */
    public static String storageKey(String url, String cdnBaseUrl) {
        if (url == null || cdnBaseUrl == null || cdnBaseUrl.isBlank()) {
            return null;
        }
        String base = cdnBaseUrl.replaceAll("/+$", "") + "/";
        if (!url.startsWith(base)) {
            return null;
        }
        String key = url.substring(base.length()).replaceFirst("[?#].*$", "");
        return key.isEmpty() || key.contains("..") || key.startsWith("/") ? null : key;
    }
}
