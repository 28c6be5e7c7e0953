package com.sartiq.hub.compute.matting;

import com.sartiq.hub.compute.tasks.ErrorCategory;
import com.sartiq.hub.compute.tasks.TaskFailedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.function.Predicate;

/**
 * Downloads an image a caller named by URL, refusing what would hurt us: non-http(s) schemes, private and
 * loopback targets (SSRF) unless allowed, bodies over the size limit, endless redirects. Every call is bounded in
 * time: connect, wait for the answer, and the whole body.
 *
 * <p>The address check sits in the client's DNS resolver, so the connection goes to exactly the addresses that
 * were checked: a name that resolves to a public address for the check and to 127.0.0.1 for the connection
 * (DNS rebinding) cannot slip through. Redirects are followed here, one hop at a time, each through the same check.
 */
public class ImageFetcher implements AutoCloseable {

    /** Loopback, private (RFC 1918, IPv6 unique-local), link-local (cloud metadata at 169.254.169.254), any, multicast. */
    public static final Predicate<InetAddress> PRIVATE = address -> address.isLoopbackAddress() || address.isSiteLocalAddress()
            || address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()
            || address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc;

    private final FetchProperties limits;
    private final CloseableHttpClient client;

    public ImageFetcher(FetchProperties limits) {
        this(limits, limits.allowPrivateAddresses() ? address -> false : PRIVATE);
    }

    /** @param refused addresses no request may connect to */
    public ImageFetcher(FetchProperties limits, Predicate<InetAddress> refused) {
        this.limits = limits;
        DnsResolver vetting = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
                for (InetAddress address : addresses) {
                    if (refused.test(address)) {
                        throw new RefusedAddressException(host);
                    }
                }
                return addresses;
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(vetting)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofMilliseconds(limits.connectTimeoutMs()))
                                .setSocketTimeout(Timeout.ofMilliseconds(limits.readTimeoutMs()))
                                .build())
                        .setMaxConnTotal(32)
                        .setMaxConnPerRoute(8)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(limits.readTimeoutMs()))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    /** Thrown by the resolver: the name resolves to an address we do not connect to. */
    private static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String host) {
            super("refused address for " + host);
        }
    }

    private record Hop(int status, String location, byte[] body) {
    }

    public byte[] fetch(String url) {
        URI target = parse(url);
        for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
            Hop answer = get(target);
            if (answer.status() >= 300 && answer.status() < 400 && answer.location() != null) {
                target = target.resolve(parse(answer.location()));
                continue;
            }
            if (answer.status() != 200) {
                throw new TaskFailedException(answer.status() >= 500 ? ErrorCategory.NETWORK : ErrorCategory.INVALID_INPUT,
                        "image_url answered HTTP " + answer.status(), answer.status() >= 500);
            }
            return answer.body();
        }
        throw TaskFailedException.invalidInput("image_url redirected more than " + limits.maxRedirects() + " times");
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw TaskFailedException.invalidInput("image_url is not a valid URL: " + e.getMessage());
        }
    }

    private Hop get(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https") || target.getHost() == null) {
            throw TaskFailedException.invalidInput("image_url must be an http(s) URL");
        }
        long deadline = System.nanoTime() + limits.readTimeoutMs() * 1_000_000L;
        try {
            return client.execute(new HttpGet(target), response -> read(response, deadline));
        } catch (RefusedAddressException e) {
            throw TaskFailedException.invalidInput("image_url points at a private address, which is not allowed");
        } catch (UnknownHostException e) {
            throw TaskFailedException.invalidInput("image_url host does not resolve: " + target.getHost());
        } catch (ConnectTimeoutException e) {
            throw new TaskFailedException(ErrorCategory.TIMEOUT, "image_url did not accept a connection within "
                    + limits.connectTimeoutMs() + " ms", true, e);
        } catch (HttpHostConnectException e) {
            throw new TaskFailedException(ErrorCategory.INVALID_INPUT, "image_url does not answer: " + target.getHost(), false, e);
        } catch (SocketTimeoutException e) {
            throw new TaskFailedException(ErrorCategory.TIMEOUT, "image_url did not answer within " + limits.readTimeoutMs() + " ms", true, e);
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailedException(ErrorCategory.INTERNAL, "interrupted while fetching image_url", true, e);
        } catch (IOException e) {
            throw new TaskFailedException(ErrorCategory.NETWORK, "image_url could not be read: " + e.getMessage(), true, e);
        }
    }

    private Hop read(ClassicHttpResponse response, long deadline) throws IOException {
        int status = response.getCode();
        Header location = response.getFirstHeader("Location");
        if (status != 200) {
            // not read: the connection is discarded rather than drained
            return new Hop(status, location == null ? null : location.getValue(), null);
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new Hop(status, null, new byte[0]);
        }
        if (entity.getContentLength() > limits.maxBytes()) {
            throw tooLarge();
        }
        try (InputStream body = entity.getContent()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > limits.maxBytes()) {
                    throw tooLarge();
                }
                if (System.nanoTime() > deadline) {
                    // the socket time-out bounds each read; this bounds a slow trickle as a whole
                    throw new TaskFailedException(ErrorCategory.TIMEOUT, "image_url body took longer than "
                            + limits.readTimeoutMs() + " ms", true);
                }
                out.write(buffer, 0, n);
            }
            return new Hop(status, null, out.toByteArray());
        }
    }

    private TaskFailedException tooLarge() {
        return TaskFailedException.invalidInput("image_url is larger than " + limits.maxBytes() + " bytes");
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
