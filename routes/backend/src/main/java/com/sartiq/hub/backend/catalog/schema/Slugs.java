package com.sartiq.hub.backend.catalog.schema;

import java.text.Normalizer;
import java.util.Locale;

/** URL-friendly names ("Anna Müller" → "anna-muller") for subjects and styles created without a slug. */
public final class Slugs {

    private Slugs() {
    }

    public static String of(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null) {
                text.append(' ').append(part);
            }
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 255) {
            slug = slug.substring(0, 255).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "untitled" : slug;
    }
}
