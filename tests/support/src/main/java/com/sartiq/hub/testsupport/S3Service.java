package com.sartiq.hub.testsupport;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * An S3-compatible server in this JVM (s3proxy over a directory) standing in for Cloudflare R2.
 * Requests are signed by our clients but not checked here, so objects can also be read anonymously
 * by URL, the way the CDN serves them in production.
 */
public final class S3Service implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3Service.class);

    public static final String ACCESS_KEY = "hub-local";
    public static final String SECRET_KEY = "hub-local-secret";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final URI endpoint;

    private S3Service(S3Proxy proxy, BlobStoreContext context, URI endpoint) {
        this.proxy = proxy;
        this.context = context;
        this.endpoint = endpoint;
    }

    public static S3Service start(Path directory) {
        return start(directory, Ports.free());
    }

    public static S3Service start(Path directory, int port) {
        try {
            Files.createDirectories(directory);
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
            BlobStoreContext context = ContextBuilder.newBuilder("filesystem").overrides(properties).build(BlobStoreContext.class);
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(context.getBlobStore())
                    .endpoint(endpoint)
                    .awsAuthentication(AuthenticationType.NONE, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            while (!proxy.getState().equals("STARTED")) {
                Thread.sleep(10);
            }
            LOG.info("S3 (s3proxy) listening on {} over {}", endpoint, directory);
            return new S3Service(proxy, context, endpoint);
        } catch (Exception e) {
            throw new IllegalStateException("could not start s3proxy", e);
        }
    }

    public void createBucket(String bucket) {
        BlobStore store = context.getBlobStore();
        if (!store.containerExists(bucket)) {
            store.createContainerInLocation(null, bucket);
        }
    }

    public String endpoint() {
        return endpoint.toString();
    }

    /** Where a bucket's objects are readable by URL (path style), the stand-in for the CDN. */
    public String publicBaseUrl(String bucket) {
        return endpoint + "/" + bucket;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            LOG.warn("s3proxy did not stop cleanly: {}", e.getMessage());
        }
        context.close();
    }
}
