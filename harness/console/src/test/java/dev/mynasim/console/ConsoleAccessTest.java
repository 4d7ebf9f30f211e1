package dev.mynasim.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The console's door: token, Host (DNS rebinding), Origin, and POST for changes. */
class ConsoleAccessTest {

    private static final String TOKEN = "s3cret-token_value";
    private final ConsoleAccess access = new ConsoleAccess(TOKEN, "127.0.0.1", 8123);

    @Test
    void theConsolesOwnPageIsAllowed() {
        assertTrue(access.check("GET", "127.0.0.1:8123", null, TOKEN, false).allowed());
        assertTrue(access.check("GET", "localhost:8123", "http://localhost:8123", TOKEN, false).allowed());
        assertTrue(access.check("POST", "127.0.0.1:8123", "http://127.0.0.1:8123", TOKEN, true).allowed());
        assertTrue(access.check("GET", "[::1]:8123", null, TOKEN, false).allowed());
    }

    @Test
    void withoutTheRightTokenNothingIsServed() {
        ConsoleAccess.Decision none = access.check("GET", "127.0.0.1:8123", null, null, false);
        assertEquals(403, none.status());
        assertTrue(none.message().contains("no token"), none.message());
        ConsoleAccess.Decision wrong = access.check("GET", "127.0.0.1:8123", null, TOKEN + "x", false);
        assertEquals(403, wrong.status());
        assertTrue(wrong.message().contains("wrong token"), wrong.message());
        assertEquals(403, access.check("GET", "127.0.0.1:8123", null, "", false).status());
    }

    @Test
    void aRenamedHostIsRefusedEvenWithTheToken() {
        for (String host : new String[] {"attacker.example:8123", "127.0.0.1:8124", "127.0.0.1", "localhost.attacker.example:8123", null}) {
            ConsoleAccess.Decision decision = access.check("GET", host, null, TOKEN, false);
            assertEquals(403, decision.status(), "Host " + host);
            assertTrue(decision.message().contains("DNS rebinding"), decision.message());
        }
    }

    @Test
    void aForeignOriginIsRefusedEvenWithTheToken() {
        for (String origin : new String[] {"http://attacker.example", "null", "http://127.0.0.1:9999", "https://127.0.0.1:8123"}) {
            ConsoleAccess.Decision decision = access.check("GET", "127.0.0.1:8123", origin, TOKEN, false);
            assertEquals(403, decision.status(), "Origin " + origin);
            assertTrue(decision.message().contains("foreign Origin"), decision.message());
        }
    }

    @Test
    void aChangeNeedsPostAndOurOrigin() {
        ConsoleAccess.Decision get = access.check("GET", "127.0.0.1:8123", "http://127.0.0.1:8123", TOKEN, true);
        assertEquals(405, get.status());
        ConsoleAccess.Decision noOrigin = access.check("POST", "127.0.0.1:8123", null, TOKEN, true);
        assertEquals(403, noOrigin.status());
        assertTrue(noOrigin.message().contains("Origin"), noOrigin.message());
        assertEquals(403, access.check("POST", "127.0.0.1:8123", "http://attacker.example", TOKEN, true).status());
    }

    @Test
    void anotherInterfaceIsItsOwnHostOnly() {
        ConsoleAccess lan = new ConsoleAccess(TOKEN, "192.0.2.10", 8123);
        assertTrue(lan.check("GET", "192.0.2.10:8123", "http://192.0.2.10:8123", TOKEN, false).allowed());
        assertEquals(403, lan.check("GET", "localhost:8123", null, TOKEN, false).status());
    }

    @Test
    void tokensAreRandomAndLong() {
        String one = ConsoleAccess.newToken();
        assertNotEquals(one, ConsoleAccess.newToken());
        assertTrue(one.length() >= 43, one.length() + " characters");
        assertTrue(one.matches("[A-Za-z0-9_-]+"), "URL-safe");
    }

    @Test
    void loopbackIsRecognisedWithoutALookup() {
        assertTrue(ConsoleAccess.isLoopback("127.0.0.1"));
        assertTrue(ConsoleAccess.isLoopback("localhost"));
        assertTrue(ConsoleAccess.isLoopback("::1"));
        assertFalse(ConsoleAccess.isLoopback("0.0.0.0"));
        assertFalse(ConsoleAccess.isLoopback("192.0.2.10"));
        assertFalse(ConsoleAccess.isLoopback("attacker.example"));
    }
}
