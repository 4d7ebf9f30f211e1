package dev.mynasim.world.issuer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The test CA's CRLs and OCSP responder over HTTP, on 127.0.0.1 and an ephemeral port (JDK
 * {@code com.sun.net.httpserver}):
 * <ul>
 *   <li>{@code POST /ocsp} with {@code application/ocsp-request} → {@code application/ocsp-response}</li>
 *   <li>{@code GET /crl/auth.crl}, {@code GET /crl/sign.crl} → {@code application/pkix-crl} (DER), a fresh CRL</li>
 * </ul>
 * Answers are "as of" the day {@code today} supplies (the scenario's date), never the system clock.
 * Nothing secret passes here: certificates and statuses only.
 */
public final class RevocationServer implements AutoCloseable {

    /** Bigger requests are refused: an OCSP request for a handful of certificates is a few hundred bytes. */
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    static {
        // The JDK server writes the headers and the body in separate segments; with Nagle on and the
        // client's delayed ACK every exchange then stalls ~40 ms (measured: 48 ms median per OCSP
        // check). The property is read once, when the server implementation loads, hence here.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final URI base;

    private RevocationServer(HttpServer server) {
        this.server = server;
        this.base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Starts serving the CA; {@code today} is asked on every request. */
    public static RevocationServer start(TestCertificateAuthority ca, Supplier<LocalDate> today) {
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(today, "today");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/ocsp", exchange -> handle(exchange, () -> {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    reply(exchange, 405, "text/plain", "POST an application/ocsp-request\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                byte[] request = readLimited(exchange.getRequestBody());
                if (request == null) {
                    reply(exchange, 413, "text/plain", ("OCSP requests are limited to " + MAX_REQUEST_BYTES + " bytes\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                reply(exchange, 200, "application/ocsp-response", ca.answerOcsp(request, today.get()));
            }));
            server.createContext("/crl/", exchange -> handle(exchange, () -> {
                String name = exchange.getRequestURI().getPath().substring("/crl/".length());
                CertificatePurpose purpose = switch (name) {
                    case "auth.crl" -> CertificatePurpose.AUTH;
                    case "sign.crl" -> CertificatePurpose.SIGN;
                    default -> null;
                };
                if (purpose == null || !"GET".equals(exchange.getRequestMethod())) {
                    reply(exchange, 404, "text/plain", "GET /crl/auth.crl or /crl/sign.crl\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                try {
                    reply(exchange, 200, "application/pkix-crl", ca.publishCrl(purpose, today.get()).getEncoded());
                } catch (CRLException e) {
                    throw new IOException(e);
                }
            }));
            server.start();
            return new RevocationServer(server);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test CA's HTTP server on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    public URI ocspUri() {
        return base.resolve("ocsp");
    }

    public URI crlUri(CertificatePurpose purpose) {
        return base.resolve("crl/" + purpose.name().toLowerCase(Locale.ROOT) + ".crl");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private interface Handler {
        void run() throws IOException;
    }

    /** Any failure becomes a 500 with the message, so a client sees why instead of a dropped connection. */
    private static void handle(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            try {
                handler.run();
            } catch (RuntimeException | IOException e) {
                reply(exchange, 500, "text/plain", ("test CA error: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
        return bytes.length > MAX_REQUEST_BYTES ? null : bytes;
    }

    private static void reply(HttpExchange exchange, int code, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(code, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
