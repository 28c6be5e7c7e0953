package com.sartiq.hub.processors.fal;

/**
 * A request accepted by fal's queue. We follow the URLs fal returns instead of rebuilding them
 * (the submit path may carry a sub-path that status/result/cancel must not).
 */
public record FalRequest(String requestId, String statusUrl, String responseUrl, String cancelUrl) {
}
