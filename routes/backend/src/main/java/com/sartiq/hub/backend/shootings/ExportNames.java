package com.sartiq.hub.backend.shootings;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names inside an export ZIP: one folder per look in shooting order, one file per approved image, e.g.
 * {@code 01-summer-dress/front-full-body-v2-1.png}. Names are ASCII slugs, never paths of their own
 * ({@code ..}, slashes), and unique within the archive.
 */
public final class ExportNames {

    private final Set<String> used = new HashSet<>();

    public String next(int lookNumber, String lookName, String shotTypeName, int version, int position, String storageKey) {
        String folder = String.format(Locale.ROOT, "%02d-%s", lookNumber, slug(lookName, "look"));
        String base = folder + "/" + slug(shotTypeName, "shot") + "-v" + version + "-" + (position + 1);
        String extension = extension(storageKey);
        String name = base + "." + extension;
        for (int n = 2; !used.add(name); n++) {
            name = base + "-" + n + "." + extension;
        }
        return name;
    }

    /** The download name of a shooting's export. */
    public static String archiveName(String shootingName) {
        return slug(shootingName, "shooting") + "-export.zip";
    }

    static String slug(String text, String fallback) {
        if (text == null) {
            return fallback;
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }

    static String extension(String key) {
        if (key == null) {
            return "bin";
        }
        int dot = key.lastIndexOf('.');
        String extension = dot < 0 || dot < key.lastIndexOf('/') ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT);
        return extension.matches("[a-z0-9]{1,5}") ? extension : "bin";
    }
}
