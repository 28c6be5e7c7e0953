package com.sartiq.hub.e2e;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The walk of the tenant isolation tests: a member of organization B calls endpoints aimed at organization A's
 * objects. Paths and bodies name objects by placeholder ({@code {orgA}}, {@code {shot}}, …), filled from one map.
 */
final class IsolationWalk {

    /** One call: method, path under /api/v1 with placeholders, JSON body (placeholders too) or null. */
    record Probe(String method, String path, String body) {
    }

    private IsolationWalk() {
    }

    static String fill(String text, Map<String, String> ids) {
        String filled = text;
        for (Map.Entry<String, String> entry : ids.entrySet()) {
            filled = filled.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return filled;
    }

    static String url(String backendUrl, String path, Map<String, String> ids) {
        return backendUrl + "/api/v1" + fill(path, ids);
    }

    /**
     * Makes every call with B's token; answers what went wrong: an answer other than 404, one that names any of A's
     * ids ({@code keysOfA}), or one that shows A's data (every name A gave its objects contains "secret").
     */
    static List<String> leaks(String backendUrl, String token, List<Probe> probes, Map<String, String> ids, Collection<String> keysOfA) {
        List<String> leaks = new ArrayList<>();
        for (Probe probe : probes) {
            Http.Response response = Http.send(probe.method(), url(backendUrl, probe.path(), ids), token,
                    probe.body() == null ? null : fill(probe.body(), ids));
            String call = probe.method() + " " + fill(probe.path(), ids);
            if (response.status() != 404) {
                leaks.add(call + " → " + response.status() + " " + response.body());
            }
            for (String key : keysOfA) {
                if (response.body().contains(ids.get(key))) {
                    leaks.add(call + " echoed A's " + key);
                }
            }
            if (response.body().toLowerCase().contains("secret")) {
                leaks.add(call + " answered A's data: " + response.body());
            }
        }
        return leaks;
    }
}
