package com.sartiq.hub.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Free TCP ports on loopback. */
public final class Ports {

    private Ports() {
    }

    /**
     * The port remembered in {@code file} when it is still free, else a new free one, remembered there:
     * keeps the local stack's storage URLs valid from one run to the next.
     */
    public static int sticky(Path file) {
        try {
            if (Files.exists(file)) {
                int port = Integer.parseInt(Files.readString(file).trim());
                try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException taken) {
                    // fall through to a new port
                }
            }
            int port = free();
            Files.createDirectories(file.getParent());
            Files.writeString(file, Integer.toString(port));
            return port;
        } catch (IOException | NumberFormatException e) {
            return free();
        }
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
