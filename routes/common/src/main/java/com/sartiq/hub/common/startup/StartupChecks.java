package com.sartiq.hub.common.startup;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * The checks a production-like hub runs before anything else starts: each either returns or throws a
 * {@link StartupCheckException} whose message is one line naming the key (and its environment
 * variable) to fix. Plain code, no Spring, so each check is tested alone.
 */
public final class StartupChecks {

    private final Duration timeout;

    public StartupChecks(Duration timeout) {
        this.timeout = timeout;
    }

    /** A secret that must be set: blank is as bad as absent. */
    public void secretPresent(String key, String envVar, String value) {
        if (value == null || value.isBlank()) {
            throw new StartupCheckException(key, "Startup check failed: " + named(key, envVar) + " is not set");
        }
    }

    /** PostgreSQL answers and accepts the credentials. */
    public void postgresReachable(String key, String envVar, String jdbcUrl, String user, String password) {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        int seconds = (int) Math.max(1, timeout.toSeconds());
        props.setProperty("connectTimeout", Integer.toString(seconds));
        props.setProperty("loginTimeout", Integer.toString(seconds));
        props.setProperty("socketTimeout", Integer.toString(seconds));
        try (Connection ignored = DriverManager.getConnection(jdbcUrl, props)) {
            // connected and authenticated
        } catch (SQLException e) {
            throw new StartupCheckException(key, "Startup check failed: PostgreSQL at " + named(key, envVar) + " = "
                    + jdbcUrl + " is unreachable (" + oneLine(e.getMessage()) + ")");
        }
    }

    /** Redis answers PING (plain RESP over TCP; AUTH first when the URL carries a password). */
    public void redisReachable(String key, String envVar, String redisUrl) {
        URI uri = URI.create(redisUrl);
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        String failure;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            if ("rediss".equals(uri.getScheme())) {
                return; // TLS: the TCP connection is all this check proves
            }
            String userInfo = uri.getUserInfo();
            if (userInfo != null && !userInfo.isEmpty()) {
                String[] parts = userInfo.split(":", 2);
                String auth = parts.length == 2 && !parts[0].isEmpty()
                        ? command("AUTH", parts[0], parts[1]) : command("AUTH", parts[parts.length - 1]);
                out.write(auth.getBytes(StandardCharsets.UTF_8));
                String reply = readLine(in);
                if (!reply.startsWith("+OK")) {
                    throw new StartupCheckException(key, "Startup check failed: Redis at " + named(key, envVar)
                            + " refused the credentials (" + reply + ")");
                }
            }
            out.write(command("PING").getBytes(StandardCharsets.UTF_8));
            String reply = readLine(in);
            if (reply.startsWith("+PONG")) {
                return;
            }
            failure = "answered " + reply;
        } catch (StartupCheckException e) {
            throw e;
        } catch (Exception e) {
            failure = oneLine(e.toString());
        }
        throw new StartupCheckException(key, "Startup check failed: Redis at " + named(key, envVar) + " = "
                + redacted(uri) + " is unreachable (" + failure + ")");
    }

    /** The bucket exists and the credentials may read it. */
    public void bucketReachable(String key, String envVar, String endpoint, String region, String bucket,
                                String accessKey, String secretKey) {
        var builder = S3Client.builder()
                .region(Region.of(region == null || region.isBlank() ? "auto" : region))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // one attempt: a wrong endpoint should fail the start in seconds, not after back-offs
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .httpClient(ApacheHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        accessKey == null ? "" : accessKey, secretKey == null ? "" : secretKey)));
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        String where = (endpoint == null || endpoint.isBlank() ? "AWS" : endpoint) + " bucket " + bucket;
        try (S3Client s3 = builder.build()) {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            throw new StartupCheckException(key, "Startup check failed: " + named(key, envVar) + " = " + bucket
                    + " does not exist at " + where);
        } catch (S3Exception e) {
            throw new StartupCheckException(key, "Startup check failed: object storage " + where + " (" + named(key, envVar)
                    + ") answered " + e.statusCode() + (e.statusCode() == 403 ? ": check the access and secret keys" : ""));
        } catch (RuntimeException e) {
            throw new StartupCheckException(key, "Startup check failed: object storage " + where + " (" + named(key, envVar)
                    + ") is unreachable (" + oneLine(e.getMessage()) + ")");
        }
    }

    static String named(String key, String envVar) {
        return envVar == null || envVar.isBlank() ? key : key + " (" + envVar + ")";
    }

    private static String command(String... parts) {
        StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        return resp.toString();
    }

    private static String readLine(InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static String redacted(URI uri) {
        return uri.getUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "***@");
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String first = message.strip().lines().findFirst().orElse("");
        return first.length() > 200 ? first.substring(0, 200) + "..." : first;
    }
}
