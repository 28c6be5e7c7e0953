package com.sartiq.hub.common.backup;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Scheduled snapshots of this hub's database to the snapshots bucket, then the retention purge:
 * {@code backup.schedule} (quartz, stateful: runs never overlap) → {@code backup.run} (dump, upload
 * the snapshot and its {@code .md5}) → {@code backup.purge}. On only where {@code hub.backup.enabled}
 * (the backend scheduler and compute's beat container); {@code direct:backup.run} can also be called
 * from JMX/Hawtio for a snapshot on demand. Restore: {@code deployment/restore-snapshot.sh}.
 */
@Component
@ConditionalOnProperty(name = "hub.backup.enabled", havingValue = "true")
@EnableConfigurationProperties(BackupProperties.class)
public class BackupRoutes extends RouteBuilder {

    static final String SNAPSHOT = "hubSnapshot";

    private final BackupProperties backup;
    private final SnapshotNames names;
    private final SnapshotWriter writer;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Clock clock = Clock.systemUTC();

    public BackupRoutes(BackupProperties backup,
                        @Value("${spring.datasource.url}") String jdbcUrl,
                        @Value("${spring.datasource.username:}") String user,
                        @Value("${spring.datasource.password:}") String password) {
        this.backup = backup;
        this.names = new SnapshotNames(backup.service(), backup.environment(), backup.database());
        this.writer = new SnapshotWriter(backup.pgDump(), backup.zstd(), backup.level(), backup.timeoutMinutes());
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    @Override
    public void configure() {
        String bucket = "aws2-s3://" + backup.bucket() + "?autoCreateBucket=false";

        from("quartz://backup/" + backup.service() + "?cron=" + backup.cron().replace(' ', '+')
                + "&trigger.timeZone=" + backup.timeZone() + "&stateful=true")
            .routeId("backup.schedule")
            .to("direct:backup.run");

        from("direct:backup.run").routeId("backup.run")
            .onCompletion().process(BackupRoutes::deleteSpool).end()
            .process(this::dump)
            .setHeader(AWS2S3Constants.KEY, exchangeProperty("hubSnapshotKey"))
            .setHeader(AWS2S3Constants.CONTENT_TYPE, constant("application/zstd"))
            .toD(bucket + "&multiPartUpload=true&partSize=" + backup.partSizeBytes())
            .setHeader(AWS2S3Constants.KEY, simple("${exchangeProperty.hubSnapshotKey}.md5"))
            .setHeader(AWS2S3Constants.CONTENT_TYPE, constant("text/plain"))
            .process(BackupRoutes::checksumLine)
            .toD(bucket)
            .log("Backup ${exchangeProperty.hubSnapshotKey} stored (${exchangeProperty.hubSnapshotBytes} bytes, md5 ${exchangeProperty.hubSnapshotMd5})")
            .to("direct:backup.purge")
            .setBody(exchangeProperty("hubSnapshotKey"));

        from("direct:backup.purge").routeId("backup.purge").errorHandler(noErrorHandler())
            .toD(bucket + "&operation=listObjects&prefix=" + names.prefix())
            .process(this::selectExpired)
            .split(body())
                .setHeader(AWS2S3Constants.KEY, body())
                .toD(bucket + "&operation=deleteObject")
                .log("Backup ${header.CamelAwsS3Key} deleted (older than " + backup.retentionDays() + " days)")
            .end();
    }

    private void dump(Exchange exchange) throws Exception {
        Instant now = clock.instant();
        String key = names.key(now);
        Path spool = backup.spoolDirectory() == null || backup.spoolDirectory().isBlank()
                ? Files.createTempFile("snapshot-", ".sql.zst")
                : Files.createTempFile(Files.createDirectories(Path.of(backup.spoolDirectory())), "snapshot-", ".sql.zst");
        exchange.setProperty(SNAPSHOT, spool.toFile());
        SnapshotWriter.Snapshot snapshot = writer.write(jdbcUrl, user, password, spool);
        exchange.setProperty("hubSnapshotKey", key);
        exchange.setProperty("hubSnapshotFile", key.substring(key.lastIndexOf('/') + 1));
        exchange.setProperty("hubSnapshotBytes", snapshot.bytes());
        exchange.setProperty("hubSnapshotMd5", snapshot.md5());
        exchange.getMessage().setBody(spool.toFile());
    }

    @SuppressWarnings("unchecked")
    private void selectExpired(Exchange exchange) {
        List<String> keys = exchange.getMessage().getBody(List.class).stream().map(o -> ((S3Object) o).key()).toList();
        exchange.getMessage().setBody(names.expired(keys, clock.instant(), backup.retentionDays()));
    }

    /** {@code md5sum} format, so {@code md5sum -c} checks a downloaded snapshot. */
    private static void checksumLine(Exchange exchange) {
        exchange.getMessage().setBody(exchange.getProperty("hubSnapshotMd5") + "  " + exchange.getProperty("hubSnapshotFile") + "\n");
    }

    private static void deleteSpool(Exchange exchange) {
        File spool = exchange.getProperty(SNAPSHOT, File.class);
        if (spool != null && !spool.delete() && spool.exists()) {
            spool.deleteOnExit();
        }
    }
}
