package com.sartiq.hub.backend.jobs;

import java.time.Instant;
import java.util.List;

/** Which objects under {@code temp/} a clean-up deletes: uploads older than the maximum age, and nothing else. */
public final class TempCleanup {

    public static final String PREFIX = "temp/";

    public record StoredObject(String key, Instant lastModified) {
    }

    private TempCleanup() {
    }

    /** The listing prefix a job may use: {@code temp/} or narrower, never outside it. */
    public static String prefix(Object requested) {
        String prefix = requested == null ? PREFIX : requested.toString();
        if (!prefix.startsWith(PREFIX) || prefix.contains("..")) {
            throw new JobFailedException("clean-up prefix must lie under " + PREFIX + ": " + prefix);
        }
        return prefix;
    }

    public static List<String> expired(List<StoredObject> objects, Instant now, long maxAgeSeconds) {
        Instant cutoff = now.minusSeconds(maxAgeSeconds);
        return objects.stream()
                .filter(o -> o.key().startsWith(PREFIX) && o.lastModified() != null && !o.lastModified().isAfter(cutoff))
                .map(StoredObject::key)
                .toList();
    }
}
