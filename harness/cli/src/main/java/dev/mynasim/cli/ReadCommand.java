package dev.mynasim.cli;

import dev.mynasim.model.CardFile;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.backend.Backend;
import dev.mynasim.client.backend.Backends;
import dev.mynasim.model.CardApplication;
import dev.mynasim.client.card.CardClient;
import dev.mynasim.client.card.CardInfoReader;
import dev.mynasim.client.card.CardResponse;
import dev.mynasim.model.Pin;
import dev.mynasim.client.card.ReadMethod;
import dev.mynasim.client.transport.Apdus;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mynasim read}: what a card tells anyone, and, with a PIN or code given, the My Number and
 * the basic 4. Tries left come from empty VERIFYs, which spend nothing; without {@code --pin} no
 * try is ever spent. PIN values are never printed.
 */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = "Reads a card: token info, the status of every PIN, certificate summaries, and the My Number"
                + " and basic 4 when a PIN or verification code is given.")
public final class ReadCommand implements Callable<Integer> {

    @Mixin
    ReaderOption reader = new ReaderOption();

    @Mixin
    PersonaOption persona = new PersonaOption();

    @Option(names = "--pin", paramLabel = "KIND=VALUE",
            description = "text=<card-info PIN> (My Number and basic 4), code-a=<照合番号A> (My Number),"
                    + " code-b=<照合番号B> (basic 4), sign=<signature password> (the signature certificate)."
                    + " Each spends a try if wrong.")
    Map<String, String> pins = new LinkedHashMap<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Whether a PIN or code given with --pin was refused by the card: the read did not do what was asked. */
    private boolean refused;

    @Override
    public Integer call() {
        for (Map.Entry<String, String> pin : pins.entrySet()) {
            if (!pin.getKey().equals("text") && !pin.getKey().equals("code-a") && !pin.getKey().equals("code-b")
                    && !pin.getKey().equals("sign")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--pin': '" + pin.getKey()
                        + "=...' has an unknown kind; use text=, code-a=, code-b= or sign=");
            }
            if (pin.getValue().isEmpty() || !pin.getValue().matches("[\\x21-\\x7E]+")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--pin': the value of "
                        + pin.getKey() + "= must be ASCII letters and digits (value not shown)");
            }
        }
        Persona holder = persona.persona();
        String readerName = reader.nameOr(Backends.defaultReader());
        try (Backend backend = Backends.open(readerName, holder)) {
            CardClient client = new CardClient(backend.transport());
            CardInfoReader info = new CardInfoReader(client);
            System.out.println("reader: " + backend.name());
            System.out.println("ATR:    " + Apdus.toHex(backend.atr()));
            printTokenInfo(client);
            printCardRecord(info);
            printPinStatus(info);
            printCertificate(client, "user-proof certificate", CardFile.AUTH_CERTIFICATE.fid());
            if (pins.containsKey("sign")) {
                client.forgetSelection();
                if (verify(client, Pin.SIGN, pins.get("sign"))) {
                    printCertificate(client, "signature certificate", CardFile.SIGN_CERTIFICATE.fid());
                }
            } else {
                System.out.println();
                System.out.println("(signature certificate not read: give --pin sign=<signature password>)");
            }
            printCertificate(client, "user-proof CA", CardFile.AUTH_CA_CERTIFICATE.fid());
            printCertificate(client, "signature CA", CardFile.SIGN_CA_CERTIFICATE.fid());
            printPersonalData(client, info);
        }
        if (refused) {
            System.err.println("read: a PIN or code given with --pin was refused by the card (see above)");
            return MynasimCommand.FAILED;
        }
        return 0;
    }

    /** JPKI EF 0006: label, manufacturer, model and serial of the CK_TOKEN_INFO (32/32/16/16 bytes). */
    private static void printTokenInfo(CardClient client) {
        client.ensureSelected(CardApplication.JPKI);
        client.selectEf(CardFile.TOKEN_INFO.fid()).require("SELECT EF 0006");
        byte[] token = client.readBinary(0, 96).require("READ BINARY token info");
        System.out.println();
        System.out.println("token label:  " + text(token, 0, 32));
        System.out.println("manufacturer: " + text(token, 32, 32));
        System.out.println("model:        " + text(token, 64, 16));
        System.out.println("serial:       " + text(token, 80, 16));
    }

    /** The common AP's card record: the card's expiry as the card itself records it. */
    private static void printCardRecord(CardInfoReader info) {
        CardInfoReader.CardRecord record = info.cardRecord();
        System.out.println("card expiry:  " + record.expiry() + " (common AP card record; serial " + record.serial()
                + ", municipality " + record.municipalityCode() + ")");
    }

    private static String text(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, Math.min(length, Math.max(0, bytes.length - offset)), StandardCharsets.US_ASCII).trim();
    }

    private static void printPinStatus(CardInfoReader info) {
        System.out.println();
        System.out.printf("%-10s %-6s %-32s %-6s %s%n", "AP", "IEF", "PIN", "tries", "locked");
        for (CardInfoReader.PinStatus status : info.pinStatus()) {
            Pin pin = status.pin();
            System.out.printf("%-10s %04X   %-32s %-6s %s%n", pin.application().name(), pin.fid(), pin.label(),
                    status.triesLeft() + "/" + pin.maxTries(), status.locked() ? "LOCKED" : "no");
        }
    }

    private static void printCertificate(CardClient client, String what, int fid) {
        X509Certificate certificate = client.readCertificate(fid, ReadMethod.FOUR_BYTE_HEADER);
        System.out.println();
        System.out.println(what + " (EF " + String.format("%04X", fid) + ")");
        System.out.println("  subject:  " + certificate.getSubjectX500Principal().getName());
        System.out.println("  issuer:   " + certificate.getIssuerX500Principal().getName());
        System.out.println("  validity: " + certificate.getNotBefore().toInstant() + " .. " + certificate.getNotAfter().toInstant()
                + " (" + java.time.LocalDate.ofInstant(certificate.getNotBefore().toInstant(), dev.mynasim.fixtures.CardRules.JST)
                + " to " + java.time.LocalDate.ofInstant(certificate.getNotAfter().toInstant(), dev.mynasim.fixtures.CardRules.JST) + " JST)");
    }

    private void printPersonalData(CardClient client, CardInfoReader info) {
        boolean myNumberOpen = false;
        boolean basicFourOpen = false;
        if (pins.containsKey("text")) {
            boolean ok = verify(client, Pin.TEXT, pins.get("text"));
            myNumberOpen = ok;
            basicFourOpen = ok;
        }
        if (!myNumberOpen && pins.containsKey("code-a")) {
            myNumberOpen = verify(client, Pin.TEXT_CODE_A, pins.get("code-a"));
        }
        if (!basicFourOpen && pins.containsKey("code-b")) {
            basicFourOpen = verify(client, Pin.TEXT_CODE_B, pins.get("code-b"));
        }
        if (myNumberOpen) {
            System.out.println();
            System.out.println("My Number: " + info.myNumber());
        }
        if (basicFourOpen) {
            CardInfoReader.BasicFour basic = info.basicFour();
            System.out.println();
            System.out.println("name:       " + basic.name());
            System.out.println("address:    " + basic.address());
            System.out.println("birth date: " + basic.birthDate());
            System.out.println("sex code:   " + basic.sexCode());
        }
        if (!myNumberOpen && !basicFourOpen && pins.isEmpty()) {
            System.out.println();
            System.out.println("(My Number and basic 4 not read: give --pin text=..., code-a=... or code-b=...)");
        }
    }

    /** VERIFY; on failure says what the card answered, never the value. */
    private boolean verify(CardClient client, Pin pin, String value) {
        CardResponse response = client.verify(pin, value);
        if (response.ok()) {
            return true;
        }
        System.out.println();
        System.out.println(pin.label() + " refused: SW " + Apdus.swText(response.sw())
                + ((response.sw() & 0xFFF0) == 0x63C0 ? " (" + (response.sw() & 0x0F) + " tries left)" : ""));
        refused = true;
        return false;
    }
}
