package com.example.reader;

import java.security.cert.X509Certificate;
import java.util.List;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;

/**
 * The application: prints the holder's user-proof certificate from the first reader with a card. Which
 * javax.smartcardio provider it uses is configuration ({@code -Dreader.factory=PC/SC}, the default, or any
 * registered provider's type such as {@code MynaSim}), never code.
 */
public final class ReaderApp {

    public static final String FACTORY_PROPERTY = "reader.factory";

    private ReaderApp() {
    }

    /** The terminals of the configured provider. */
    public static CardTerminals terminals() throws Exception {
        return TerminalFactory.getInstance(System.getProperty(FACTORY_PROPERTY, "PC/SC"), null).terminals();
    }

    /** The first reader holding a card. */
    public static CardTerminal firstReaderWithACard(CardTerminals terminals) throws Exception {
        List<CardTerminal> present = terminals.list(CardTerminals.State.CARD_PRESENT);
        if (present.isEmpty()) {
            throw new IllegalStateException("no card in any reader");
        }
        return present.get(0);
    }

    public static void main(String[] args) throws Exception {
        try (JpkiCard card = JpkiCard.connect(firstReaderWithACard(terminals()))) {
            X509Certificate certificate = card.readUserProofCertificate();
            System.out.println(certificate.getSubjectX500Principal().getName());
        }
    }
}
