package com.sartiq.hub.compute.matting;

import com.sartiq.hub.compute.tasks.ErrorCategory;
import com.sartiq.hub.compute.tasks.TaskFailedException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Downloads an image a caller named by URL, refusing what would hurt us: non-http(s) schemes,
 * private and loopback targets (SSRF) unless allowed, bodies over the size limit, and endless
 * redirects. Every call is bounded in time.
 */
public class ImageFetcher {

    private final FetchProperties limits;
    private final HttpClient client;

    public ImageFetcher(FetchProperties limits) {
        this.limits = limits;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(limits.connectTimeoutMs()))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public byte[] fetch(String url) {
        URI target = URI.create(url);
        for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
            checkTarget(target);
            HttpResponse<InputStream> response = send(target);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("location").isPresent()) {
                closeQuietly(response.body());
                target = target.resolve(response.headers().firstValue("location").get());
                continue;
            }
            if (status != 200) {
                closeQuietly(response.body());
                throw new TaskFailedException(status >= 500 ? ErrorCategory.NETWORK : ErrorCategory.INVALID_INPUT,
                        "image_url answered HTTP " + status, status >= 500);
            }
            long declared = response.headers().firstValueAsLong("content-length").orElse(-1);
            if (declared > limits.maxBytes()) {
                closeQuietly(response.body());
                throw tooLarge();
            }
            return readLimited(response.body());
        }
        throw TaskFailedException.invalidInput("image_url redirected more than " + limits.maxRedirects() + " times");
    }

    private HttpResponse<InputStream> send(URI target) {
        HttpRequest request = HttpRequest.newBuilder(target).GET().timeout(Duration.ofMillis(limits.readTimeoutMs())).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new TaskFailedException(ErrorCategory.TIMEOUT, "image_url did not answer within " + limits.readTimeoutMs() + " ms", true, e);
        } catch (ConnectException e) {
            throw new TaskFailedException(ErrorCategory.INVALID_INPUT, "image_url does not answer: " + target.getHost(), false, e);
        } catch (IOException e) {
            throw new TaskFailedException(ErrorCategory.NETWORK, "image_url could not be read: " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailedException(ErrorCategory.INTERNAL, "interrupted while fetching image_url", true, e);
        }
    }

    private void checkTarget(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https") || target.getHost() == null) {
            throw TaskFailedException.invalidInput("image_url must be an http(s) URL");
        }
        if (limits.allowPrivateAddresses()) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(target.getHost())) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress() || isUniqueLocalV6(address)) {
                    throw TaskFailedException.invalidInput("image_url points at a private address, which is not allowed");
                }
            }
        } catch (UnknownHostException e) {
            throw TaskFailedException.invalidInput("image_url host does not resolve: " + target.getHost());
        }
    }

    private static boolean isUniqueLocalV6(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }

    private byte[] readLimited(InputStream body) {
        try (body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > limits.maxBytes()) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new TaskFailedException(ErrorCategory.NETWORK, "image_url body could not be read: " + e.getMessage(), true, e);
        }
    }

    private TaskFailedException tooLarge() {
        return TaskFailedException.invalidInput("image_url is larger than " + limits.maxBytes() + " bytes");
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the response is being discarded anyway
        }
    }
}
