package com.sartiq.hub.common.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Streams {@code pg_dump --clean --if-exists} through {@code zstd} into a spool file, hashing the
 * compressed bytes (MD5) on the way. The dump is spooled rather than sent straight to the bucket so
 * that a dump failing half-way never leaves a truncated snapshot that looks valid, and so the upload
 * knows its length. Plain code: the executables and the connection come in as arguments.
 */
public final class SnapshotWriter {

    /** A written snapshot: the compressed file, its size and its MD5 (hex). */
    public record Snapshot(Path file, long bytes, String md5) {
    }

    private final String pgDump;
    private final String zstd;
    private final int level;
    private final long timeoutMinutes;

    public SnapshotWriter(String pgDump, String zstd, int level, long timeoutMinutes) {
        this.pgDump = pgDump;
        this.zstd = zstd;
        this.level = level;
        this.timeoutMinutes = timeoutMinutes;
    }

    /** The pg_dump command line for a JDBC URL (host, port and database; query parameters are ignored). */
    public List<String> dumpCommand(String jdbcUrl, String user) {
        URI uri = URI.create(jdbcUrl.replaceFirst("^jdbc:", ""));
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null || database.isEmpty()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host[:port]/database URL: " + jdbcUrl);
        }
        List<String> command = new ArrayList<>(List.of(pgDump, "--clean", "--if-exists", "--no-password",
                "--host", uri.getHost(), "--port", Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort())));
        if (user != null && !user.isBlank()) {
            command.addAll(List.of("--username", user));
        }
        command.addAll(List.of("--dbname", database));
        return command;
    }

    public Snapshot write(String jdbcUrl, String user, String password, Path target) throws IOException, InterruptedException {
        Path dumpErrors = Files.createTempFile("pg_dump-", ".err");
        Path zstdErrors = Files.createTempFile("zstd-", ".err");
        try {
            ProcessBuilder dump = new ProcessBuilder(dumpCommand(jdbcUrl, user)).redirectError(dumpErrors.toFile());
            Map<String, String> env = dump.environment();
            if (password != null && !password.isEmpty()) {
                env.put("PGPASSWORD", password);
            }
            ProcessBuilder compress = new ProcessBuilder(zstd, "-" + level, "-q", "-c").redirectError(zstdErrors.toFile());
            List<Process> pipeline = ProcessBuilder.startPipeline(List.of(dump, compress));
            // a dump hanging on a lock must not hold the backup forever: kill the pipeline at the deadline
            var watchdog = java.util.concurrent.CompletableFuture.runAsync(() -> pipeline.forEach(Process::destroyForcibly),
                    java.util.concurrent.CompletableFuture.delayedExecutor(timeoutMinutes, TimeUnit.MINUTES));
            Process pgDumpProcess = pipeline.get(0);
            Process zstdProcess = pipeline.get(1);
            MessageDigest md5 = md5();
            long bytes;
            try (InputStream in = zstdProcess.getInputStream();
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(target), md5)) {
                bytes = in.transferTo(out);
            }
            boolean finished = pgDumpProcess.waitFor(timeoutMinutes, TimeUnit.MINUTES) && zstdProcess.waitFor(1, TimeUnit.MINUTES);
            boolean killed = watchdog.isDone();
            watchdog.cancel(false);
            if (!finished || killed) {
                pipeline.forEach(Process::destroyForcibly);
                throw new IOException("pg_dump did not finish within " + timeoutMinutes + " minutes");
            }
            if (pgDumpProcess.exitValue() != 0) {
                throw new IOException("pg_dump exited with " + pgDumpProcess.exitValue() + ": " + tail(dumpErrors));
            }
            if (zstdProcess.exitValue() != 0) {
                throw new IOException("zstd exited with " + zstdProcess.exitValue() + ": " + tail(zstdErrors));
            }
            return new Snapshot(target, bytes, HexFormat.of().formatHex(md5.digest()));
        } finally {
            Files.deleteIfExists(dumpErrors);
            Files.deleteIfExists(zstdErrors);
        }
    }

    private static String tail(Path file) throws IOException {
        String text = Files.readString(file).strip();
        return text.length() > 500 ? text.substring(text.length() - 500) : text;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
