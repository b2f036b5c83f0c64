package rnn.data.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server for download tests: serves one byte array at {@code /data.bin} with
 * {@code Range: bytes=N-} support, redirects {@code /moved} there, and answers 404 elsewhere.
 */
final class RangeServer implements AutoCloseable {
    static final String NO_RANGE = "(none)";

    private final byte[] data;
    private final HttpServer server;
    /** The Range header of every request, {@link #NO_RANGE} when absent. */
    final List<String> ranges = new CopyOnWriteArrayList<>();
    volatile boolean ignoreRange;

    RangeServer(byte[] data) throws IOException {
        this.data = data;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? NO_RANGE : range);
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/moved")) {
            exchange.getResponseHeaders().add("Location", "/data.bin");
            exchange.sendResponseHeaders(302, -1);
        } else if (!path.equals("/data.bin")) {
            exchange.sendResponseHeaders(404, -1);
        } else if (range != null && !ignoreRange) {
            sendRange(exchange, Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1")));
        } else {
            send(exchange, 200, data);
        }
        exchange.close();
    }

    private void sendRange(HttpExchange exchange, int start) throws IOException {
        if (start >= data.length) {
            exchange.getResponseHeaders().add("Content-Range", "bytes */" + data.length);
            exchange.sendResponseHeaders(416, -1);
            return;
        }
        exchange.getResponseHeaders().add("Content-Range",
                "bytes " + start + "-" + (data.length - 1) + "/" + data.length);
        send(exchange, 206, Arrays.copyOfRange(data, start, data.length));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
