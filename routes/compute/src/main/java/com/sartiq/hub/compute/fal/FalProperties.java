package com.sartiq.hub.compute.fal;

import com.sartiq.hub.processors.fal.FalModel;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The FAL provider ({@code hub.providers.fal.*}). Connection, retry and circuit-breaker keys shared with every
 * provider are read by {@code ProviderSettings}; these are fal's own.
 *
 * @param baseUrl              queue host, {@code https://queue.fal.run} in production
 * @param key                  API key, sent as {@code Authorization: Key <key>}
 * @param generationModel      model id of GENERATION when {@code models.GENERATION} does not name one
 * @param pollIntervalMs       how often the poller looks for requests due a status check
 * @param timeoutSeconds       a request not completed by then is cancelled and its task fails
 * @param connectTimeoutMs     TCP connect limit of every call
 * @param responseTimeoutMs    response limit of every call
 * @param concurrency          requests in flight across all instances, from submit until the result is stored
 * @param leaseSeconds         a slot not renewed for this long returns (its holder died)
 * @param slotWaitMs           how long a worker waits for a slot before handing its task back to the queue
 * @param webhookUrl           our public {@code POST /api/v1/webhooks/fal} URL; blank = polling only
 * @param jwksUrl              fal's JWKS ({@code https://rest.alpha.fal.ai/.well-known/jwks.json})
 * @param jwksCacheSeconds     how long fetched keys are trusted before fetching again
 * @param webhookWindowSeconds accepted distance between a webhook's timestamp and our clock
 * @param fallbackPollSeconds  with webhooks on, how long after submit (and between checks) a request is polled anyway
 * @param ambiguousSubmit      when a submit's answer is lost: {@code await-webhook} (default: wait for fal's webhook
 *                             naming the task, then fail), {@code fail}, or {@code resubmit} (accepts a second paid job)
 * @param ambiguousWaitSeconds how long {@code await-webhook} waits
 * @param models               per task type: fal model, input mapping, output pointer
 * @param trainingPollSeconds  how often a TRAINING's status (with logs, for its progress) is read
 * @param trainingTimeoutSeconds a TRAINING not completed by then is cancelled and fails
 * @param datasetUrlSeconds    validity of the presigned URL fal downloads a training's dataset zip from
 */
@ConfigurationProperties("hub.providers.fal")
public record FalProperties(String baseUrl, String key, String generationModel, Long pollIntervalMs,
                            Integer timeoutSeconds, Integer connectTimeoutMs, Integer responseTimeoutMs,
                            Integer concurrency, Integer leaseSeconds, Long slotWaitMs, String webhookUrl, String jwksUrl,
                            Integer jwksCacheSeconds, Integer webhookWindowSeconds, Integer fallbackPollSeconds,
                            String ambiguousSubmit, Integer ambiguousWaitSeconds, Map<String, Model> models,
                            Integer trainingPollSeconds, Integer trainingTimeoutSeconds, Integer datasetUrlSeconds) {

    public FalProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://queue.fal.run" : baseUrl.replaceAll("/+$", "");
        key = key == null ? "" : key;
        generationModel = generationModel == null ? "fal-ai/flux/dev" : generationModel;
        pollIntervalMs = pollIntervalMs == null ? 1000L : pollIntervalMs;
        timeoutSeconds = timeoutSeconds == null ? 900 : timeoutSeconds;
        connectTimeoutMs = connectTimeoutMs == null ? 5_000 : connectTimeoutMs;
        responseTimeoutMs = responseTimeoutMs == null ? 30_000 : responseTimeoutMs;
        concurrency = concurrency == null ? 50 : concurrency;
        leaseSeconds = leaseSeconds == null ? 120 : leaseSeconds;
        slotWaitMs = slotWaitMs == null ? 20_000L : slotWaitMs;
        webhookUrl = webhookUrl == null ? "" : webhookUrl.trim();
        jwksUrl = jwksUrl == null || jwksUrl.isBlank() ? "https://rest.alpha.fal.ai/.well-known/jwks.json" : jwksUrl;
        jwksCacheSeconds = jwksCacheSeconds == null ? 86_400 : jwksCacheSeconds;
        webhookWindowSeconds = webhookWindowSeconds == null ? 300 : webhookWindowSeconds;
        fallbackPollSeconds = fallbackPollSeconds == null ? 30 : fallbackPollSeconds;
        ambiguousSubmit = ambiguousSubmit == null ? "await-webhook" : ambiguousSubmit;
        if (!java.util.List.of("await-webhook", "fail", "resubmit").contains(ambiguousSubmit)) {
            throw new IllegalArgumentException("hub.providers.fal.ambiguous-submit must be await-webhook, fail or resubmit");
        }
        ambiguousWaitSeconds = ambiguousWaitSeconds == null ? 300 : ambiguousWaitSeconds;
        models = models == null ? Map.of() : models;
        trainingPollSeconds = trainingPollSeconds == null ? 15 : trainingPollSeconds;
        trainingTimeoutSeconds = trainingTimeoutSeconds == null ? 7200 : trainingTimeoutSeconds;
        datasetUrlSeconds = datasetUrlSeconds == null ? 86_400 : datasetUrlSeconds;
    }

    /** One task type's fal endpoint ({@code hub.providers.fal.models.<TASK_TYPE>.*}); see {@link FalModel}. */
    public record Model(String model, Map<String, String> input, Map<String, String> constants, String output) {
    }

    public boolean webhooks() {
        return !webhookUrl.isBlank();
    }

    /** The mapping of a task type; GENERATION falls back to flux's text-to-image input. */
    public FalModel model(String taskType) {
        Model m = models.get(taskType);
        if (m == null && taskType.equals("GENERATION")) {
            m = new Model(generationModel, Map.of("prompt", "/prompt", "negative_prompt", "/negative_prompt",
                    "image_size.width", "/width", "image_size.height", "/height", "seed", "/seed"),
                    Map.of("num_images", "1", "enable_safety_checker", "true"), "/images");
        }
        if (m == null) {
            throw new IllegalStateException("no fal model configured for " + taskType + " (hub.providers.fal.models." + taskType + ")");
        }
        Map<String, Object> constants = new LinkedHashMap<>();
        if (m.constants() != null) {
            m.constants().forEach((k, v) -> constants.put(k, typed(v)));
        }
        return new FalModel(m.model() != null ? m.model() : taskType.equals("GENERATION") ? generationModel : null,
                m.input(), constants, m.output());
    }

    /** YAML map values bind as strings: give numbers and booleans back their JSON type. */
    static Object typed(String value) {
        if (value == null) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        try {
            return value.contains(".") ? (Object) Double.valueOf(value) : (Object) Long.valueOf(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
