package com.sartiq.hub.compute.providers;

import com.sartiq.hub.processors.llm.LlmProtocol;
import com.sartiq.hub.processors.llm.RetryAdvice;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The steps of the {@code provider-call} route template: pause check, slot, one attempt's request, reading
 * its outcome, deciding whether and when to try again, and the final verdict. The template's parameters
 * arrive as exchange properties ({@code provider.*}), so this class holds no per-provider state of its own.
 *
 * <p>The retry rules: a request that provably never left (connection refused, unknown host) is repeated; an
 * answer the provider marks retryable (429, 5xx, 529, unless {@code x-should-retry: false}) is repeated after
 * the provider's own hint ({@code Retry-After}, {@code retry-after-ms}, rate-limit reset, Gemini's
 * {@code retryDelay}) or our jittered back-off, when the template allows retrying answers; a lost answer (read
 * timeout) is repeated only when the template says the call is safe to repeat; exhausted quota never is.
 */
public class ProviderCalls {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderCalls.class);

    public static final String URL = "providerUrl";
    public static final String PATH = "providerPath";
    public static final String METHOD = "providerMethod";
    public static final String HEADERS = "providerHeaders";
    public static final String HOLDER = "providerHolder";
    public static final String IDEMPOTENCY_KEY = "providerIdempotencyKey";
    public static final String ATTEMPTS = "providerAttempts";

    private static final String REQUEST_BODY = "providerRequestBody";
    private static final String AGAIN = "providerAgain";
    private static final String DELAY = "providerDelayMs";
    private static final String SKIP = "providerSkip";
    private static final String STARTED = "providerStartedNanos";
    private static final String FINAL = "providerFinal";
    private static final String SLOT = "providerSlotHeld";

    private final ProviderStates states;
    private final RedisSemaphore semaphore;

    public ProviderCalls(ProviderStates states, RedisSemaphore semaphore) {
        this.states = states;
        this.semaphore = semaphore;
    }

    public void begin(Exchange exchange) {
        String name = name(exchange);
        if (states.paused(name)) {
            throw new ProviderCallException(name, ProviderCallException.Kind.PAUSED, 0, 0, "paused by ops", null);
        }
        exchange.setProperty(REQUEST_BODY, exchange.getMessage().getBody(String.class));
        exchange.setProperty(ATTEMPTS, 0);
        exchange.setProperty(AGAIN, true);
        exchange.removeProperty(FINAL);
    }

    public void acquire(Exchange exchange) throws InterruptedException {
        int limit = intProp(exchange, "provider.concurrency");
        if (limit <= 0) {
            return;
        }
        String name = name(exchange);
        String holder = exchange.getProperty(HOLDER, exchange.getExchangeId(), String.class);
        if (!semaphore.acquire(name, holder, limit, longProp(exchange, "provider.leaseMs"), longProp(exchange, "provider.slotWaitMs"))) {
            throw new ProviderCallException(name, ProviderCallException.Kind.NO_SLOT, 0, 0,
                    "no free slot of " + limit + " within " + longProp(exchange, "provider.slotWaitMs") + " ms", null);
        }
        exchange.setProperty(SLOT, holder);
    }

    public void release(Exchange exchange) {
        String holder = exchange.getProperty(SLOT, String.class);
        if (holder != null) {
            semaphore.release(name(exchange), holder);
            exchange.removeProperty(SLOT);
        }
    }

    /** Sets up one attempt: the same request every time, whatever the previous attempt left on the message. */
    public void prepare(Exchange exchange) {
        exchange.setProperty(ATTEMPTS, exchange.getProperty(ATTEMPTS, Integer.class) + 1);
        exchange.setProperty(AGAIN, false);
        exchange.setProperty(DELAY, 0L);
        String name = name(exchange);
        // the breaker admits the attempt or ends the call without sending anything
        boolean permitted = states.breaker(name).tryAcquirePermission();
        exchange.setProperty(SKIP, !permitted);
        if (!permitted) {
            ProviderCallException open = new ProviderCallException(name, ProviderCallException.Kind.CIRCUIT_OPEN, 0, 0, "circuit open", null);
            states.failure(name, open.getMessage());
            exchange.setProperty(FINAL, open);
            return;
        }
        exchange.setProperty(STARTED, System.nanoTime());
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        String method = exchange.getProperty(METHOD, "POST", String.class);
        String url = exchange.getProperty(URL, String.class);
        if (url == null) {
            url = exchange.getProperty("provider.baseUrl", String.class) + exchange.getProperty(PATH, "", String.class);
        }
        int query = url.indexOf('?');
        // camel-http takes the query from its own header, not from CamelHttpUri
        message.setHeader(Exchange.HTTP_URI, query < 0 ? url : url.substring(0, query));
        if (query >= 0) {
            message.setHeader(Exchange.HTTP_QUERY, url.substring(query + 1));
        }
        message.setHeader(Exchange.HTTP_METHOD, method);
        message.setHeader(exchange.getProperty("provider.authHeader", String.class), exchange.getProperty("provider.authValue", String.class));
        String protocol = exchange.getProperty("provider.protocol", String.class);
        if (!protocol.startsWith("fal")) {
            LlmProtocol.of(protocol).headers().forEach(message::setHeader);
        }
        Map<?, ?> extra = exchange.getProperty(HEADERS, Map.class);
        if (extra != null) {
            extra.forEach((k, v) -> message.setHeader(k.toString(), v));
        }
        String key = exchange.getProperty(IDEMPOTENCY_KEY, String.class);
        if (key != null) {
            message.setHeader("Idempotency-Key", key);
        }
        if (method.equals("GET") || method.equals("DELETE")) {
            message.setBody(null);
        } else {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
            message.setBody(exchange.getProperty(REQUEST_BODY, String.class));
        }
    }

    /** Reads the provider's answer: success, or a failure the breaker records (5xx, 529) or ignores (429, 4xx). */
    public void outcome(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = message.getBody(String.class);
        message.setBody(body);
        Map<String, String> headers = new HashMap<>();
        message.getHeaders().forEach((k, v) -> {
            if (v != null) {
                headers.put(k.toLowerCase(Locale.ROOT), v.toString());
            }
        });
        RetryAdvice advice = advise(exchange.getProperty("provider.protocol", String.class), status, headers, body, backoff(exchange));
        CircuitBreaker breaker = states.breaker(name(exchange));
        long nanos = System.nanoTime() - exchange.getProperty(STARTED, Long.class);
        if (advice.kind() == RetryAdvice.Kind.SUCCESS) {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            return;
        }
        ProviderFailure failure = advice.kind() == RetryAdvice.Kind.UNAVAILABLE
                ? new ProviderFailure.Recorded(advice, status) : new ProviderFailure.Ignored(advice, status);
        breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
        decide(exchange, failure);
    }

    /** The request got no answer (connect error, timeout): the breaker counts it, then decide. */
    public void failed(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Long started = exchange.getProperty(STARTED, Long.class);
        states.breaker(name(exchange)).onError(started == null ? 0 : System.nanoTime() - started, TimeUnit.NANOSECONDS,
                error instanceof java.io.IOException ? error : new java.io.IOException(String.valueOf(error), error));
        exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
        decide(exchange, error);
    }

    /** Reads a failed attempt: try again (and when), or the final verdict. */
    private void decide(Exchange exchange, Throwable error) {
        String name = name(exchange);
        int attempt = exchange.getProperty(ATTEMPTS, Integer.class);
        boolean attemptsLeft = attempt < intProp(exchange, "provider.maxAttempts");
        ProviderCallException verdict;
        long delay = backoff(exchange);
        boolean again;
        ProviderFailure answered = find(error, ProviderFailure.class);
        if (answered != null) {
            RetryAdvice advice = answered.advice();
            int status = answered.status();
            boolean tooLong = advice.delayMillis() > longProp(exchange, "provider.maxRetryAfterMs");
            ProviderCallException.Kind kind = switch (advice.kind()) {
                case RATE_LIMITED -> ProviderCallException.Kind.RATE_LIMITED;
                case QUOTA_EXHAUSTED -> ProviderCallException.Kind.QUOTA_EXHAUSTED;
                case INVALID -> ProviderCallException.Kind.INVALID;
                default -> ProviderCallException.Kind.UNAVAILABLE;
            };
            verdict = new ProviderCallException(name, kind, status, advice.delayMillis(),
                    advice.reason() + (tooLong ? " (asked to wait " + advice.delayMillis() + " ms, more than we wait)" : ""), null);
            again = advice.retryable() && attemptsLeft && !tooLong && boolProp(exchange, "provider.retryResponses");
            delay = advice.delayMillis();
        } else if (neverSent(error)) {
            verdict = new ProviderCallException(name, ProviderCallException.Kind.NOT_SENT, 0, 0, "not reached: " + error, error);
            again = attemptsLeft;
        } else {
            verdict = new ProviderCallException(name, ProviderCallException.Kind.AMBIGUOUS, 0, 0, "answer lost: " + error, error);
            again = attemptsLeft && boolProp(exchange, "provider.retryAmbiguous");
        }
        states.failure(name, verdict.getMessage());
        exchange.setProperty(AGAIN, again);
        exchange.setProperty(DELAY, again ? delay : 0L);
        exchange.setProperty(FINAL, again ? null : verdict);
        LOG.info("{} attempt {} failed ({}): {}", name, attempt, again ? "retry in " + delay + " ms" : "giving up", verdict.getMessage());
    }

    /** Waits out the delay decided by {@link #decide} before the next attempt (0 when there is none). */
    public void pause(Exchange exchange) throws InterruptedException {
        long delay = exchange.getProperty(DELAY, 0L, Long.class);
        if (delay > 0) {
            Thread.sleep(delay);
        }
    }

    public void finish(Exchange exchange) {
        ProviderCallException verdict = exchange.getProperty(FINAL, ProviderCallException.class);
        if (verdict != null) {
            throw verdict;
        }
        states.success(name(exchange));
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static RetryAdvice advise(String protocol, int status, Map<String, String> headers, String body, long backoff) {
        if (!protocol.startsWith("fal")) {
            return LlmProtocol.of(protocol).advise(status, headers, body, backoff);
        }
        if (status >= 200 && status < 300) {
            return RetryAdvice.success();
        }
        // fal: FastAPI-style errors, retry hints in Retry-After only
        String reason = "HTTP " + status + ": " + (body == null ? "" : body.length() > 300 ? body.substring(0, 300) : body);
        if (status == 429) {
            Long hint = retryAfterSeconds(headers.get("retry-after"));
            return new RetryAdvice(RetryAdvice.Kind.RATE_LIMITED, hint != null ? hint : backoff, hint != null, reason);
        }
        if (status >= 500) {
            return new RetryAdvice(RetryAdvice.Kind.UNAVAILABLE, backoff, false, reason);
        }
        return new RetryAdvice(RetryAdvice.Kind.INVALID, 0, false, reason);
    }

    /** Failures that happen before a byte of the request left: safe to repeat whatever the call. */
    static boolean neverSent(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t.getClass().getName().equals("org.apache.hc.client5.http.HttpHostConnectException")
                    || t.getClass().getName().equals("org.apache.hc.client5.http.ConnectTimeoutException")) {
                return true;
            }
            if (t instanceof NoHttpResponseException || t instanceof InterruptedIOException) {
                return false;
            }
        }
        return false;
    }

    private static Long retryAfterSeconds(String value) {
        try {
            return value == null ? null : (long) (Double.parseDouble(value.trim()) * 1000);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long backoff(Exchange exchange) {
        int attempt = Math.max(1, exchange.getProperty(ATTEMPTS, 1, Integer.class));
        long ceiling = Math.min(longProp(exchange, "provider.retryMaxMs"), longProp(exchange, "provider.retryBaseMs") << Math.min(attempt - 1, 20));
        return ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
    }

    private static String name(Exchange exchange) {
        return exchange.getProperty("provider.name", String.class);
    }

    private static int intProp(Exchange exchange, String name) {
        return exchange.getProperty(name, 0, Integer.class);
    }

    private static long longProp(Exchange exchange, String name) {
        return exchange.getProperty(name, 0L, Long.class);
    }

    private static boolean boolProp(Exchange exchange, String name) {
        return exchange.getProperty(name, false, Boolean.class);
    }
}
