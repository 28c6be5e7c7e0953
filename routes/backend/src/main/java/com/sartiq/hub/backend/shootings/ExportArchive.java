package com.sartiq.hub.backend.shootings;

import com.sartiq.hub.backend.jobs.JobFailedException;
import org.apache.camel.Exchange;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The steps of an export job, called from {@link ExportRoutes}: the approved images are streamed one by one
 * from storage into a ZIP spooled on disk (never whole in memory), which is then uploaded in parts. State
 * travels in exchange properties: {@code exportZip}, {@code exportNames}, {@code exportSpool}, {@code exportCount},
 * {@code exportSkipped}.
 */
public class ExportArchive {

    private final String spoolDirectory;

    public ExportArchive(String spoolDirectory) {
        this.spoolDirectory = spoolDirectory;
    }

    /** From the rows of {@code export-images.sql}: the images to pack (the body) and the ones not in our bucket (skipped). */
    public void open(Exchange exchange) throws IOException {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        if (rows.isEmpty()) {
            throw new JobFailedException("nothing to export: no shot of the shooting is approved (or the shooting is gone)");
        }
        List<Map<String, Object>> stored = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (row.get("storage_key") == null) {
                skipped.add((String) row.get("url"));
            } else {
                stored.add(row);
            }
        }
        Path spool = spoolDirectory == null || spoolDirectory.isBlank()
                ? Files.createTempFile("export-", ".zip")
                : Files.createTempFile(Files.createDirectories(Path.of(spoolDirectory)), "export-", ".zip");
        exchange.setProperty("exportSpool", spool.toFile());
        exchange.setProperty("exportZip", new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(spool))));
        exchange.setProperty("exportNames", new ExportNames());
        exchange.setProperty("exportCount", stored.size());
        exchange.setProperty("exportSkipped", skipped);
        exchange.getMessage().setBody(stored);
    }

    /** After {@code getObject} of one image (property {@code exportImage}: its row): one ZIP entry. */
    public void addEntry(Exchange exchange) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> row = exchange.getProperty("exportImage", Map.class);
        String name = exchange.getProperty("exportNames", ExportNames.class).next(((Number) row.get("look_number")).intValue(),
                (String) row.get("look_name"), (String) row.get("shot_type_name"), ((Number) row.get("version")).intValue(),
                ((Number) row.get("position")).intValue(), (String) row.get("storage_key"));
        ZipOutputStream zip = exchange.getProperty("exportZip", ZipOutputStream.class);
        try (InputStream in = exchange.getMessage().getMandatoryBody(InputStream.class)) {
            zip.putNextEntry(new ZipEntry(name));
            in.transferTo(zip);
            zip.closeEntry();
        } catch (org.apache.camel.InvalidPayloadException e) {
            throw new IOException("storage answered no bytes for " + row.get("storage_key"), e);
        }
    }

    /** Closes the archive; the body becomes the spooled file to upload. */
    public void close(Exchange exchange) throws IOException {
        exchange.getProperty("exportZip", OutputStream.class).close();
        exchange.removeProperty("exportZip");
        File spool = exchange.getProperty("exportSpool", File.class);
        exchange.setProperty("exportBytes", spool.length());
        exchange.getMessage().setBody(spool);
    }

    /** Whatever happened: the spool goes (a half-written ZIP is closed first). */
    public void cleanUp(Exchange exchange) {
        OutputStream zip = exchange.getProperty("exportZip", OutputStream.class);
        if (zip != null) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // the file is deleted next anyway
            }
        }
        File spool = exchange.getProperty("exportSpool", File.class);
        if (spool != null && !spool.delete() && spool.exists()) {
            spool.deleteOnExit();
        }
    }
}
