package dev.mynasim.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The console's HTTP side on Jetty's core server: one page (HTML, CSS, JS from the jar), the state,
 * a server-sent event stream, the card-face images, the trace download, and POST controls. Every
 * request passes {@link ConsoleAccess} first; a refusal is a 403 (405 for a GET that would change
 * something) with a message that says why.
 */
public final class ConsoleServer implements AutoCloseable {

    private static final String RESOURCES = "/dev/mynasim/console/";
    /** A comment line on the event stream this often, so idle connections stay open and dead ones are noticed. */
    private static final long KEEPALIVE_SECONDS = 10;

    /** Jetty's start-up and shutdown lines would drown serve's own; its warnings still show. */
    private static final java.util.logging.Logger JETTY_LOG = java.util.logging.Logger.getLogger("org.eclipse.jetty");

    static {
        JETTY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final CardConsole console;
    private final Consumer<String> notices;
    private final String host;
    private final String token;
    private final Server server;
    private final ServerConnector connector;
    private volatile ConsoleAccess access;

    /**
     * @param host  the interface to listen on (loopback unless the user chose otherwise)
     * @param port  the port, 0 for any free one
     */
    public ConsoleServer(CardConsole console, String host, int port, String token, Consumer<String> notices) {
        this.console = console;
        this.notices = notices;
        this.host = host;
        this.token = token;
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("mynasim-console");
        threads.setDaemon(true);
        this.server = new Server(threads);
        this.connector = new ServerConnector(server, 1, 1);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Routes());
        server.setStopTimeout(2000);
    }

    public ConsoleServer start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the console cannot listen on " + host + ":" + connector.getPort()
                    + " (" + e.getMessage() + ")", e);
        }
        access = new ConsoleAccess(token, host, connector.getLocalPort());
        return this;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The URL to open, token included. */
    public String url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port() + "/?" + ConsoleAccess.TOKEN_PARAMETER + "="
                + URLEncoder.encode(token, StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        console.close();
        try {
            server.stop();
        } catch (Exception e) {
            notices.accept("console: stopping the web server: " + e.getMessage());
        }
    }

    private final class Routes extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
            String given = Optional.ofNullable(request.getHeaders().get(ConsoleAccess.TOKEN_HEADER))
                    .orElse(query.getValue(ConsoleAccess.TOKEN_PARAMETER));
            String origin = request.getHeaders().get(HttpHeader.ORIGIN);
            boolean changes = path.startsWith("/api/control");
            ConsoleAccess.Decision decision = access.check(request.getMethod(), request.getHeaders().get(HttpHeader.HOST),
                    origin, given, changes);
            securityHeaders(response);
            if (!decision.allowed()) {
                notices.accept("console: " + request.getMethod() + " " + path + " " + decision.message());
                return text(response, callback, decision.status(), "text/plain", decision.message() + "\n");
            }
            try {
                return route(request, response, callback, path, query);
            } catch (IllegalArgumentException e) {
                return text(response, callback, 400, "text/plain", e.getMessage() + "\n");
            }
        }

        private boolean route(Request request, Response response, Callback callback, String path, Fields query) {
            String method = request.getMethod();
            if (path.equals("/api/control")) {
                String message = console.control(query.getValue("action"), query.getValue("argument"));
                return text(response, callback, 200, "text/plain", message + "\n");
            }
            if (!method.equals("GET")) {
                return text(response, callback, 405, "text/plain", "only GET here; controls are POST /api/control\n");
            }
            switch (path) {
                case "/", "/index.html" -> {
                    String page = resource("index.html").replace("{{TOKEN}}", token).replace("{{PERSONA}}", console.persona().id());
                    return text(response, callback, 200, "text/html", page);
                }
                case "/console.js" -> {
                    return text(response, callback, 200, "text/javascript", resource("console.js"));
                }
                case "/icon.svg" -> {
                    return text(response, callback, 200, "image/svg+xml", resource("icon.svg"));
                }
                case "/console.css" -> {
                    return text(response, callback, 200, "text/css", resource("console.css"));
                }
                case "/api/state" -> {
                    return text(response, callback, 200, "application/json", console.stateJson());
                }
                case "/api/trace" -> {
                    String name = "mynasim-console-" + LocalDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".trace";
                    response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
                    return text(response, callback, 200, "text/plain", console.trace(query.getValue("app")));
                }
                case "/api/events" -> {
                    events(response, callback);
                    return true;
                }
                default -> {
                    if (path.startsWith("/api/face/")) {
                        Optional<byte[]> image = console.faceImage(path.substring("/api/face/".length()));
                        if (image.isPresent()) {
                            byte[] bytes = image.get();
                            response.setStatus(200);
                            response.getHeaders().put(HttpHeader.CONTENT_TYPE, isPng(bytes) ? "image/png" : "image/jpeg");
                            response.write(true, ByteBuffer.wrap(bytes), callback);
                            return true;
                        }
                    }
                    return text(response, callback, 404, "text/plain", "no such page: " + path + "\n");
                }
            }
        }

        /** Server-sent events: the state and the APDU stream, until the page goes away or the console stops. */
        private void events(Response response, Callback callback) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            BlockingQueue<String> queue = console.subscribe();
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                while (true) {
                    String frame = queue.poll(KEEPALIVE_SECONDS, TimeUnit.SECONDS);
                    if (CardConsole.END.equals(frame)) {
                        break;
                    }
                    out.write((frame == null ? ": keep-alive\n\n" : frame).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                callback.succeeded();
            } catch (IOException e) {
                callback.failed(e); // the page went away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                callback.failed(e);
            } finally {
                console.unsubscribe(queue);
            }
        }
    }

    private static void securityHeaders(Response response) {
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.getHeaders().put("X-Frame-Options", "DENY");
        response.getHeaders().put("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    }

    private static boolean text(Response response, Callback callback, int status, String type, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type + "; charset=utf-8");
        Content.Sink.write(response, true, body, callback);
        return true;
    }

    private static boolean isPng(byte[] bytes) {
        return bytes.length > 4 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
    }

    private static String resource(String name) {
        try (InputStream in = ConsoleServer.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
