package dev.mynasim.console;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who may use the console, the one place for it. A local page can be reached from any website the
 * user visits, so every request must carry the random token printed in the console URL; its
 * {@code Host} must name this console (a DNS-rebinding page has its own host name there); a request
 * carrying any other {@code Origin} is refused; and a state change needs POST, the token and our own
 * {@code Origin}.
 */
public final class ConsoleAccess {

    /** Where the token travels: the query parameter of the page URL, or this header for scripted clients. */
    public static final String TOKEN_PARAMETER = "token";
    public static final String TOKEN_HEADER = "X-Mynasim-Token";

    /** A verdict: allowed, or the HTTP status and a message that says what to do. */
    public record Decision(int status, String message) {
        static final Decision ALLOWED = new Decision(200, "allowed");

        public boolean allowed() {
            return status == 200;
        }
    }

    private final byte[] token;
    private final Set<String> hosts;
    private final Set<String> origins;

    /**
     * @param token   the random token of this run
     * @param bindHost the interface the console listens on
     * @param port    its port
     */
    public ConsoleAccess(String token, String bindHost, int port) {
        this.token = token.getBytes(StandardCharsets.US_ASCII);
        Set<String> names = new LinkedHashSet<>();
        names.add(bindHost.toLowerCase(Locale.ROOT));
        if (isLoopback(bindHost)) {
            names.add("127.0.0.1");
            names.add("localhost");
            names.add("[::1]");
        }
        Set<String> hostValues = new LinkedHashSet<>();
        Set<String> originValues = new LinkedHashSet<>();
        for (String name : names) {
            String host = name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name;
            hostValues.add(host + ":" + port);
            originValues.add("http://" + host + ":" + port);
        }
        this.hosts = Set.copyOf(hostValues);
        this.origins = Set.copyOf(originValues);
    }

    /** 32 random bytes, URL-safe Base64: what the printed URL carries. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a host name or address is the loopback interface (no lookup for names other than localhost). */
    public static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The verdict on one request.
     *
     * @param method        the HTTP method
     * @param host          the Host header (null when absent)
     * @param origin        the Origin header (null when absent)
     * @param givenToken    the token from the query or header (null when absent)
     * @param changesState  whether the request would change the card, the reader or the CA
     */
    public Decision check(String method, String host, String origin, String givenToken, boolean changesState) {
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            return new Decision(403, "refused: Host \"" + host + "\" is not this console (expected one of "
                    + String.join(", ", hosts) + "); a page that renamed itself to reach it (DNS rebinding) gets nothing");
        }
        if (origin != null && !origins.contains(origin.toLowerCase(Locale.ROOT))) {
            return new Decision(403, "refused: requests from the foreign Origin \"" + origin
                    + "\" are refused; only the console's own page may call it");
        }
        if (givenToken == null || givenToken.isEmpty()) {
            return new Decision(403, "refused: no token; open the console URL that mynasim serve printed (it ends in ?token=...)");
        }
        if (!MessageDigest.isEqual(token, givenToken.getBytes(StandardCharsets.US_ASCII))) {
            return new Decision(403, "refused: wrong token; open the console URL that this run of mynasim serve printed");
        }
        if (changesState) {
            if (!"POST".equals(method)) {
                return new Decision(405, "refused: a change to the card needs POST");
            }
            if (origin == null) {
                return new Decision(403, "refused: a change to the card needs the console's own Origin header");
            }
        }
        return Decision.ALLOWED;
    }
}
