package com.sartiq.hub.sim;

import java.util.Objects;
import java.util.Optional;

/** Immutable settings of a {@link ProviderSimulator}; change them with the {@code with*} methods. */
public final class SimulatorConfig {

    private static final long DEFAULT_RETENTION_MILLIS = 60 * 60 * 1000L;

    private final String host;
    private final int port;
    private final String falKey;
    private final long latencyMillis;
    private final String publicBaseUrl;
    private final long retentionMillis;
    private final String llmKey;
    private final long llmLatencyMillis;

    private SimulatorConfig(String host, int port, String falKey, long latencyMillis, String publicBaseUrl,
                            long retentionMillis) {
        this(host, port, falKey, latencyMillis, publicBaseUrl, retentionMillis, "sim-llm-key", 20);
    }

    private SimulatorConfig(String host, int port, String falKey, long latencyMillis, String publicBaseUrl,
                            long retentionMillis, String llmKey, long llmLatencyMillis) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (falKey == null || falKey.isBlank()) {
            throw new IllegalArgumentException("falKey must not be blank");
        }
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latencyMillis must be >= 0: " + latencyMillis);
        }
        if (retentionMillis <= 0) {
            throw new IllegalArgumentException("retentionMillis must be > 0: " + retentionMillis);
        }
        this.host = host;
        this.port = port;
        this.falKey = falKey;
        this.latencyMillis = latencyMillis;
        this.publicBaseUrl = publicBaseUrl == null ? null : stripTrailingSlash(publicBaseUrl);
        this.retentionMillis = retentionMillis;
        if (llmKey == null || llmKey.isBlank()) {
            throw new IllegalArgumentException("llmKey must not be blank");
        }
        this.llmKey = llmKey;
        this.llmLatencyMillis = Math.max(0, llmLatencyMillis);
    }

    /** The API key the OpenAI, Anthropic and Gemini endpoints accept (each in its own header). */
    public SimulatorConfig withLlmKey(String key) {
        return new SimulatorConfig(host, port, falKey, latencyMillis, publicBaseUrl, retentionMillis, key, llmLatencyMillis);
    }

    /** Time each LLM call takes. */
    public SimulatorConfig withLlmLatencyMillis(long millis) {
        return new SimulatorConfig(host, port, falKey, latencyMillis, publicBaseUrl, retentionMillis, llmKey, millis);
    }

    public String llmKey() {
        return llmKey;
    }

    public long llmLatencyMillis() {
        return llmLatencyMillis;
    }

    /** Port 0 (a free port), key {@code sim-fal-key}, 300 ms latency, bound to 127.0.0.1. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig("127.0.0.1", 0, "sim-fal-key", 300, null, DEFAULT_RETENTION_MILLIS);
    }

    public SimulatorConfig withHost(String host) {
        return new SimulatorConfig(host, port, falKey, latencyMillis, publicBaseUrl, retentionMillis, llmKey, llmLatencyMillis);
    }

    public SimulatorConfig withPort(int port) {
        return new SimulatorConfig(host, port, falKey, latencyMillis, publicBaseUrl, retentionMillis, llmKey, llmLatencyMillis);
    }

    public SimulatorConfig withFalKey(String key) {
        return new SimulatorConfig(host, port, key, latencyMillis, publicBaseUrl, retentionMillis, llmKey, llmLatencyMillis);
    }

    /** Time from submit to COMPLETED; the first third of it is spent IN_QUEUE. */
    public SimulatorConfig withLatencyMillis(long millis) {
        return new SimulatorConfig(host, port, falKey, millis, publicBaseUrl, retentionMillis, llmKey, llmLatencyMillis);
    }

    /** Base of the URLs handed out to clients, for when they reach the simulator through another address. */
    public SimulatorConfig withPublicBaseUrl(String url) {
        return new SimulatorConfig(host, port, falKey, latencyMillis, url, retentionMillis, llmKey, llmLatencyMillis);
    }

    /** How long a finished request stays answerable; bounds memory of a long-running simulator. */
    public SimulatorConfig withRetentionMillis(long millis) {
        return new SimulatorConfig(host, port, falKey, latencyMillis, publicBaseUrl, millis, llmKey, llmLatencyMillis);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String falKey() {
        return falKey;
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    /** Empty means {@code http://host:port} of the bound socket. */
    public Optional<String> publicBaseUrl() {
        return Optional.ofNullable(publicBaseUrl);
    }

    public long retentionMillis() {
        return retentionMillis;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SimulatorConfig)) {
            return false;
        }
        SimulatorConfig other = (SimulatorConfig) o;
        return port == other.port && latencyMillis == other.latencyMillis && retentionMillis == other.retentionMillis
                && host.equals(other.host) && falKey.equals(other.falKey)
                && Objects.equals(publicBaseUrl, other.publicBaseUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, falKey, latencyMillis, publicBaseUrl, retentionMillis);
    }

    @Override
    public String toString() {
        // The key is left out on purpose: configs end up in logs.
        return "SimulatorConfig[host=" + host + ", port=" + port + ", latencyMillis=" + latencyMillis
                + ", publicBaseUrl=" + publicBaseUrl + ", retentionMillis=" + retentionMillis + "]";
    }
}
