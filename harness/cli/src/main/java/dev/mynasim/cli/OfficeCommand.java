package dev.mynasim.cli;

import dev.mynasim.fixtures.CardLayout;
import dev.mynasim.fixtures.CardRules;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.world.issuer.CertificateRecord;
import dev.mynasim.world.issuer.MunicipalOffice;
import dev.mynasim.world.issuer.OfficeLedger;
import dev.mynasim.world.issuer.TestCertificateAuthority;
import dev.mynasim.client.backend.Backend;
import dev.mynasim.client.backend.Backends;
import dev.mynasim.client.card.CardClient;
import dev.mynasim.model.Pin;
import dev.mynasim.world.issuer.TransportIssuerChannel;
import dev.mynasim.client.transport.GetResponseTransport;
import java.io.Console;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mynasim office ...}: the municipal office with the card at the counter. It acts on the card
 * through a reader like any other client (the served card's "Virtual PCD 00 00", or any PC/SC reader
 * with a MynaSim card), opening the card's issuer channel, and keeps the test CA and the office
 * ledger in the shared CA state folder.
 */
@Command(name = "office", mixinStandardHelpOptions = true,
        description = "The municipal office: reset a PIN, change address or name, renew the certificates or the card, reissue, extend a period of stay, issue the first signature certificate at 15, cancel a suspension, confirm a loss, show a card's history.",
        subcommands = {OfficeCommand.ResetPin.class, OfficeCommand.FirstSignature.class, OfficeCommand.ChangeAddress.class, OfficeCommand.ChangeName.class,
            OfficeCommand.Renew.class, OfficeCommand.RenewCard.class, OfficeCommand.Reissue.class, OfficeCommand.ExtendStay.class,
            OfficeCommand.CardFound.class, OfficeCommand.ConfirmLoss.class, OfficeCommand.History.class})
public final class OfficeCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Options of the office commands that work on the card at the counter. */
    static final class Counter {
        @Mixin
        DeskOptions.Desk desk = new DeskOptions.Desk();

        @Mixin
        ReaderOption reader = new ReaderOption();

        @Option(names = "--layout", converter = OptionValues.LayoutName.class, paramLabel = "NAME",
                description = "The card's layout (short-form, long-form), when it was served with another than the persona file's:"
                        + " the office rewrites the basic 4 in the card's own form.")
        String layout;

        /** What the office and the call centre say, in the holder's language. */
        Messages messages() {
            return desk.messages();
        }

        /** Each record's line, in the holder's language. */
        void printRecords(String key, java.util.List<CertificateRecord> records) {
            desk.printRecords(key, records);
        }

        Persona persona() {
            Persona named = desk.holder.persona();
            return layout == null ? named : named.withLayout(CardLayout.parse(layout));
        }

        LocalDate today() {
            return desk.day.today();
        }

        TestCertificateAuthority ca() {
            return desk.state.ca();
        }

        MunicipalOffice office() {
            return desk.state.office();
        }

        /** Runs an operation with the card in the reader, through its transport only. */
        void withCard(java.util.function.BiConsumer<Persona, TransportIssuerChannel> operation) {
            Persona persona = persona();
            try (Backend backend = Backends.open(reader.name(), persona)) {
                CardClient client = new CardClient(new GetResponseTransport(backend.transport()));
                operation.accept(persona, TransportIssuerChannel.forCardOf(client, persona));
                System.out.println(messages().get("office.done", backend.name()));
            }
        }
    }

    static String certificatesLine(Messages messages, String what, MunicipalOffice.IssuedCertificates issued) {
        String auth = issued.auth().getSerialNumber().toString(16);
        return issued.sign()
                .map(c -> messages.get("office.issued", what, auth, c.getSerialNumber().toString(16)))
                .orElseGet(() -> messages.get("office.issued.noSign", what, auth));
    }

    /** The shape of every office command on the card: the office acts with the card in the reader, then says what changed. */
    abstract static class OnTheCard implements Callable<Integer> {
        @Mixin
        Counter counter;

        /** The office's part on the card; returns the line that says what changed. */
        abstract String act(MunicipalOffice office, Persona persona, TransportIssuerChannel card);

        @Override
        public Integer call() {
            String[] changed = new String[1];
            counter.withCard((persona, card) -> changed[0] = act(counter.office(), persona, card));
            System.out.println(changed[0]);
            return 0;
        }
    }

    static final Map<String, Pin> PINS = Map.of("auth", Pin.AUTH, "sign", Pin.SIGN, "text", Pin.TEXT,
            "juki", Pin.JUKI, "common", Pin.COMMON);

    @Command(name = "reset-pin", mixinStandardHelpOptions = true,
            description = "Resets a PIN (locked or forgotten) to a new value with a full counter. The value is asked on the terminal unless --new-pin is given.")
    static final class ResetPin implements Callable<Integer> {
        @Mixin
        Counter counter;

        @Option(names = "--pin", converter = OptionValues.PinWord.class, required = true, paramLabel = "auth|sign|text|juki|common", description = "Which PIN.")
        String which;

        @Option(names = "--new-pin", converter = OptionValues.PinValue.class, paramLabel = "VALUE", description = "The new value (visible in the process list: for test cards only).")
        String newValue;

        @Override
        public Integer call() {
            Pin pin = PINS.get(which);
            if (pin == null) {
                throw new IllegalArgumentException("--pin must be one of auth, sign, text, juki, common");
            }
            String chosen = newValueOrAsk(newValue, pin);
            counter.withCard((persona, card) -> counter.office().resetPin(persona, pin.label(), chosen, counter.today(), card));
            Messages messages = counter.messages();
            System.out.println(messages.get("office.pinReset",
                    messages.language() == Language.JA ? pin.labelJa() : pin.label(), counter.persona().id()));
            return 0;
        }
    }

    /** The value given with --new-pin, else asked on the terminal (never echoed, never printed). */
    static String newValueOrAsk(String given, Pin pin) {
        if (given != null) {
            return given;
        }
        Console console = Terminal.console().orElseThrow(() -> new IllegalArgumentException(
                "no terminal to ask the new " + pin.label() + " on: give --new-pin"));
        char[] typed = console.readPassword("new %s: ", pin.label());
        if (typed == null) {
            throw new IllegalArgumentException("standard input ended while asking the new " + pin.label());
        }
        return new String(typed);
    }

    @Command(name = "first-signature", mixinStandardHelpOptions = true,
            description = "The first signature certificate of a holder whose card was issued under 15, from the 15th birthday:"
                    + " a signature key generated on the card, the signature password set, the certificate written."
                    + " The password is asked on the terminal unless --new-pin is given.")
    static final class FirstSignature extends OnTheCard {
        @Option(names = "--new-pin", converter = OptionValues.PinValue.class, paramLabel = "VALUE",
                description = "The signature password: 6 to 16 of A-Z and 0-9 with a letter and a digit (visible in the process list: for test cards only).")
        String newValue;

        @Override
        public Integer call() {
            // asked before the card is opened, so no terminal prompt waits with the reader held
            newValue = newValueOrAsk(newValue, Pin.SIGN);
            return super.call();
        }

        @Override
        String act(MunicipalOffice office, Persona persona, TransportIssuerChannel card) {
            java.security.cert.X509Certificate sign = office.issueFirstSignatureCertificate(persona, newValue, counter.today(), card)
                    .sign().orElseThrow();
            return counter.messages().get("office.firstSignature", persona.id(), sign.getSerialNumber().toString(16),
                    LocalDate.ofInstant(sign.getNotBefore().toInstant(), CardRules.JST).toString(),
                    LocalDate.ofInstant(sign.getNotAfter().toInstant(), CardRules.JST).toString());
        }
    }

    @Command(name = "change-address", mixinStandardHelpOptions = true,
            description = "A move: revokes the signature certificate (affiliationChanged), writes the new address to the card and issues a new signature certificate onto it.")
    static final class ChangeAddress extends OnTheCard {
        @Option(names = "--address", converter = OptionValues.Text.class, required = true, paramLabel = "ADDRESS", description = "The new address (住所).")
        String address;

        @Override
        String act(MunicipalOffice office, Persona persona, TransportIssuerChannel card) {
            office.changeAddress(persona, address, counter.today(), card);
            return counter.messages().get("office.moved", persona.id(), address);
        }
    }

    @Command(name = "change-name", mixinStandardHelpOptions = true,
            description = "A change of name: as change-address, for the name.")
    static final class ChangeName extends OnTheCard {
        @Option(names = "--name", converter = OptionValues.Text.class, required = true, paramLabel = "NAME", description = "The new name (氏名).")
        String name;

        @Override
        String act(MunicipalOffice office, Persona persona, TransportIssuerChannel card) {
            office.changeName(persona, name, counter.today(), card);
            return counter.messages().get("office.renamed", persona.id(), name);
        }
    }

    @Command(name = "renew", mixinStandardHelpOptions = true,
            description = "Renews the certificates (from 3 months before expiry): new keys generated on the card, new certificates written, the old ones superseded.")
    static final class Renew extends OnTheCard {
        @Override
        String act(MunicipalOffice office, Persona persona, TransportIssuerChannel card) {
            Messages messages = counter.messages();
            return certificatesLine(messages, messages.get("office.renewed"), office.renewCertificates(persona, counter.today(), card));
        }
    }

    @Command(name = "reissue", mixinStandardHelpOptions = true,
            description = "Reissue (lost or broken card, 1,000 yen): the old certificates revoked (cessationOfOperation); the card in the reader is the new card and gets new keys and certificates.")
    static final class Reissue extends OnTheCard {
        @Override
        String act(MunicipalOffice office, Persona persona, TransportIssuerChannel card) {
            Messages messages = counter.messages();
            return certificatesLine(messages, messages.get("office.reissued", String.valueOf(MunicipalOffice.REISSUE_FEE_YEN)),
                    office.reissueCard(persona, counter.today(), card)) + "\n" + cardLine(office, persona);
        }
    }

    @Command(name = "renew-card", mixinStandardHelpOptions = true,
            description = "Renewal of the card at its expiry (free, from 3 months before): the card in the reader is the new card; a new card expiry from today, its records rewritten, new keys and certificates; the old certificates revoked (cessationOfOperation).")
    static final class RenewCard extends OnTheCard {
        @Override
        String act(MunicipalOffice office, Persona persona, TransportIssuerChannel card) {
            return certificatesLine(counter.messages(), counter.messages().get("office.newCard"), office.renewCard(persona, counter.today(), card)) + "\n" + cardLine(office, persona);
        }
    }

    @Command(name = "extend-stay", mixinStandardHelpOptions = true,
            description = "A foreign resident's period of stay extended: the card's expiry follows it (written to the card); certificates that ended with the old period are renewed.")
    static final class ExtendStay extends OnTheCard {
        @Option(names = "--until", converter = OptionValues.Day.class, required = true, paramLabel = "YYYY-MM-DD", description = "The last day of the extended period of stay.")
        LocalDate until;

        @Override
        String act(MunicipalOffice office, Persona persona, TransportIssuerChannel card) {
            office.extendStay(persona, until, counter.today(), card);
            return cardLine(office, persona);
        }
    }

    @Command(name = "card-found", mixinStandardHelpOptions = true,
            description = "The lost card was found: the suspension (certificate holds) is cancelled. The card is not needed.")
    static final class CardFound implements Callable<Integer> {
        @Mixin
        DeskOptions.Desk desk;

        @Override
        public Integer call() {
            desk.printRecords("office.certificate", desk.state.office().cancelSuspension(desk.holder.persona(), desk.day.today()));
            return 0;
        }
    }

    @Command(name = "confirm-loss", mixinStandardHelpOptions = true,
            description = "The loss is confirmed at the office (the card will not come back): every certificate not yet revoked is revoked (keyCompromise); a reissue follows. The card is not needed.")
    static final class ConfirmLoss implements Callable<Integer> {
        @Mixin
        DeskOptions.Desk desk;

        @Override
        public Integer call() {
            printRecords(desk.state.office().confirmLoss(desk.holder.persona(), desk.day.today()));
            return 0;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "The card's history as the office recorded it: each operation, the card as registered now, the fees and the certificates.")
    static final class History implements Callable<Integer> {
        @Mixin
        PersonaOption holder = new PersonaOption();

        @Mixin
        DeskOptions.CaState state = new DeskOptions.CaState();

        @Override
        public Integer call() {
            Persona asIssued = holder.persona();
            MunicipalOffice office = state.office();
            System.out.println(asIssued.issueDate() + "  issue of the card (persona file)");
            for (OfficeLedger.Event e : office.ledger().history(asIssued.id())) {
                System.out.println(e.on() + "  " + e.event().words() + ": " + e.detail());
            }
            office.ledger().pending().ifPresent(p ->
                    System.out.println("interrupted, to be run again: " + p.command() + " for " + p.personaId() + " on " + p.on()));
            System.out.println(cardLine(office, asIssued));
            for (OfficeLedger.Fee f : office.ledger().fees(asIssued.id())) {
                System.out.println("fee: " + f.on() + " " + f.yen() + " yen (" + f.what() + ")");
            }
            for (CertificateRecord r : state.ca().recordsOf(asIssued.id())) {
                System.out.println("certificate: " + r.purpose() + " " + r.serialHex() + " " + r.notBefore() + ".." + r.notAfter()
                        + " " + r.state() + (r.reason() == null ? "" : " (" + r.reason().rfcName() + ")"));
            }
            return 0;
        }
    }

    /** Each certificate's state after a card-less operation, with its reason. */
    static void printRecords(java.util.List<CertificateRecord> records) {
        for (CertificateRecord r : records) {
            System.out.println("office: " + r.purpose() + " certificate " + r.serialHex() + " is " + r.state()
                    + (r.reason() == null ? "" : " (" + r.reason().rfcName() + ")"));
        }
    }

    /** The card as registered now: issue date and expiry (and the period of stay). */
    static String cardLine(MunicipalOffice office, Persona asIssued) {
        Persona now = office.current(asIssued);
        return "office: card of " + now.id() + " issued " + now.issueDate() + ", expires " + now.cardExpiry()
                + now.periodOfStayEnd().map(d -> " (period of stay to " + d + ")").orElse("");
    }
}
