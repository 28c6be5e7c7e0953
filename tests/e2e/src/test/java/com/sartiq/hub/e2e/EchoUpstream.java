package com.sartiq.hub.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Stands in for the web app container behind Caddy in the edge test: answers a WebSocket upgrade
 * and echoes text frames (RFC 6455), and answers any other request with the size and SHA-256 of the
 * body it received, so the test sees exactly what passed through the proxy. Minimal on purpose:
 * small frames, Content-Length or chunked bodies.
 */
final class EchoUpstream implements AutoCloseable {

    static final String WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final Thread thread;

    EchoUpstream() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "echo-upstream");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread worker = new Thread(() -> {
                    try (socket) {
                        socket.setSoTimeout(30_000);
                        handle(new BufferedInputStream(socket.getInputStream()), socket.getOutputStream());
                    } catch (IOException e) {
                        // the proxy closed a kept-alive connection
                    }
                }, "echo-upstream-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                // server closed
            }
        }
    }

    private static void handle(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String requestLine = line(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return;
            }
            Map<String, String> headers = headers(in);
            if ("websocket".equalsIgnoreCase(headers.get("upgrade"))) {
                String accept = accept(headers.get("sec-websocket-key"));
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String text = readFrame(in);
                writeFrame(out, "echo: " + text, false);
                return;
            }
            MessageDigest sha = sha256();
            long size = 0;
            if (headers.containsKey("content-length")) {
                long remaining = Long.parseLong(headers.get("content-length"));
                byte[] buffer = new byte[65536];
                while (remaining > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                    if (n < 0) {
                        throw new IOException("body ended early");
                    }
                    sha.update(buffer, 0, n);
                    size += n;
                    remaining -= n;
                }
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                byte[] body = readChunked(in);
                sha.update(body);
                size = body.length;
            }
            byte[] reply = ("{\"bytes\":" + size + ",\"sha256\":\"" + HexFormat.of().formatHex(sha.digest())
                    + "\",\"forwarded_proto\":\"" + headers.getOrDefault("x-forwarded-proto", "") + "\"}").getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + reply.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(reply);
            out.flush();
        }
    }

    static String accept(String key) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + WS_GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads one text frame (payload < 126 bytes), unmasking it when masked. */
    static String readFrame(InputStream in) throws IOException {
        int first = in.read();
        int second = in.read();
        if (first < 0 || second < 0) {
            throw new IOException("connection closed before a frame");
        }
        int length = second & 0x7f;
        byte[] mask = (second & 0x80) != 0 ? in.readNBytes(4) : null;
        byte[] payload = in.readNBytes(length);
        if (mask != null) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
        }
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** Writes one final text frame; clients must mask, servers must not. */
    static void writeFrame(OutputStream out, String text, boolean masked) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        out.write(0x81);
        out.write((masked ? 0x80 : 0) | payload.length);
        if (masked) {
            byte[] mask = {0x12, 0x34, 0x56, 0x78};
            out.write(mask);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
        }
        out.write(payload);
        out.flush();
    }

    static Map<String, String> headers(InputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = line(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return headers;
    }

    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                return bytes.toString(StandardCharsets.US_ASCII).replaceFirst("\r$", "");
            }
            bytes.write(c);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.US_ASCII);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
            if (size == 0) {
                headers(in);
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line(in);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
