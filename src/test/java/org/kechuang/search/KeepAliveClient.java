package org.kechuang.search;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * For the search benchmark: an HTTP/1.1 client that sends each request and reads its response on the calling thread,
 * over one kept-alive connection, as a browser's tab does. {@code java.net.http} (the benchmark's other client) reads
 * responses on its selector thread and hands them to the caller through a worker thread: on a loaded machine each
 * hand-over waits for a core, and that wait is the client's, not the server's. Reconnects only when the server closes
 * the connection, and counts how often it connected.
 */
final class KeepAliveClient implements AutoCloseable {

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int connections;
    private int responses;
    private long bytes;
    private int mostChunks;

    KeepAliveClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** How many connections were opened so far: 1 when every request went over the same one. */
    int connections() {
        return connections;
    }

    int responses() {
        return responses;
    }

    /** The bodies' bytes so far. */
    long bytes() {
        return bytes;
    }

    /** The most chunks a response came in (a chunk per flush of the server's buffer), 0 when none was chunked. */
    int mostChunks() {
        return mostChunks;
    }

    /** GETs the path; answers the body when the status is 200, else fails. */
    String get(String path) {
        try {
            if (socket == null) {
                connect();
            }
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                            + "\r\nAccept: application/json\r\nAccept-Language: zh-CN\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(
                            lower.substring("content-length:".length()).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                int chunks = 0;
                for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0; ) {
                    chunks++;
                    body.write(in.readNBytes((int) size));
                    line();
                    size = Long.parseLong(line().split(";")[0].strip(), 16);
                }
                // trailers, up to the empty line
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {}
                mostChunks = Math.max(mostChunks, chunks);
            } else if (length >= 0) {
                body.write(in.readNBytes((int) length));
            } else {
                throw new IllegalStateException("a response without its length: " + status);
            }
            responses++;
            bytes += body.size();
            if (close) {
                close();
            }
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException(path + ": " + status);
            }
            return body.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void connect() throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        out = socket.getOutputStream();
        connections++;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection ended in a response");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
