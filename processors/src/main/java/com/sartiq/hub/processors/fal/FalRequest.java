package com.sartiq.hub.processors.fal;

/**
 * A request accepted by fal's queue. We follow the URLs fal returns instead of rebuilding them
 * (the submit path may carry a sub-path that status/result/cancel must not).
 */
public record FalRequest(String requestId, String statusUrl, String responseUrl, String cancelUrl) {

    /**
     * The documented queue URLs of a request we know only by id (a webhook named it, its submit answer was lost):
     * {@code <queue base>/<owner>/<alias>/requests/<id>[/status|/cancel]}, the model's sub-path dropped as fal's own
     * clients do.
     */
    public static FalRequest documented(String queueBaseUrl, String modelId, String requestId) {
        String[] parts = modelId.split("/");
        boolean namespaced = parts.length > 2 && (parts[0].equals("workflows") || parts[0].equals("comfy"));
        String app = namespaced ? parts[0] + "/" + parts[1] + "/" + parts[2] : parts.length > 1 ? parts[0] + "/" + parts[1] : modelId;
        String base = queueBaseUrl.replaceAll("/+$", "") + "/" + app + "/requests/" + requestId;
        return new FalRequest(requestId, base + "/status", base, base + "/cancel");
    }
}
