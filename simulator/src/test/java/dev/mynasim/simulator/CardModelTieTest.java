package dev.mynasim.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.PersonaRepository;
import dev.mynasim.fixtures.pki.TestPki;
import dev.mynasim.model.CardApplication;
import dev.mynasim.model.CardFile;
import dev.mynasim.model.CardKey;
import dev.mynasim.model.Instruction;
import dev.mynasim.model.MasterFileObject;
import dev.mynasim.model.Pin;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import javacard.framework.Applet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ties the host-side card model (dev.mynasim.model) to the applets, so the two cannot drift: every
 * file, PIN and key an applet declares has exactly one entry in the model, and a card issued from a
 * persona answers for each model entry as the model says (the AID selects, the file and key exist,
 * the PIN reports its try limit).
 */
class CardModelTieTest {

    private static VirtualCard card;

    @BeforeAll
    static void issue() {
        card = VirtualCards.issue(PersonaRepository.load().byId("hanako"), TestPki.load(), CardProfile.CONTACT);
    }

    /** The FIDs the applet class declares in its own tables (its EF_ and IEF_ constants). */
    private static SortedSet<Integer> appletFids(Class<? extends Applet> applet) throws IllegalAccessException {
        TreeSet<Integer> fids = new TreeSet<>();
        for (Field field : applet.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == short.class
                    && (field.getName().startsWith("EF_") || field.getName().startsWith("IEF_"))) {
                field.setAccessible(true);
                fids.add(field.getShort(null) & 0xFFFF);
            }
        }
        return fids;
    }

    private static List<Integer> modelFids(CardApplication application) {
        List<Integer> fids = new ArrayList<>();
        Stream.of(CardFile.values()).filter(f -> f.application() == application).forEach(f -> fids.add(f.fid()));
        Stream.of(Pin.values()).filter(p -> p.application() == application).forEach(p -> fids.add(p.fid()));
        Stream.of(CardKey.values()).filter(k -> k.application() == application).forEach(k -> fids.add(k.fid()));
        return fids;
    }

    @Test
    void everyFileAnAppletDeclaresHasOneHomeInTheModel() throws IllegalAccessException {
        for (CardApplication application : CardApplication.values()) {
            List<Integer> model = modelFids(application);
            TreeSet<Integer> unique = new TreeSet<>(model);
            assertEquals(unique.size(), model.size(), application + ": a FID is declared twice in the model " + model);
            SortedSet<Integer> applet = appletFids(Applications.appletClass(application.aid()));
            assertTrue(!applet.isEmpty(), application + ": the applet's tables were not found");
            assertEquals(applet, unique, application + ": the applet's FIDs and the model's differ");
        }
    }

    private static int sw(String hex) {
        return StatusWord.of(card.transmit(java.util.HexFormat.of().parseHex(hex)));
    }

    private static int select(CardApplication application) {
        return sw(String.format("00A4040C%02X%s", application.aid().length, java.util.HexFormat.of().formatHex(application.aid())));
    }

    private static int selectFile(int fid) {
        return sw(String.format("00A4020C02%04X", fid));
    }

    @Test
    void theIssuedCardAnswersForEveryModelEntry() {
        for (CardFile file : CardFile.values()) {
            assertEquals(0x9000, select(file.application()), file + ": SELECT " + file.application());
            assertEquals(0x9000, selectFile(file.fid()), file + ": SELECT EF");
        }
        for (CardKey key : CardKey.values()) {
            assertEquals(0x9000, select(key.application()), key + ": SELECT " + key.application());
            assertEquals(0x9000, selectFile(key.fid()), key + ": SELECT key IEF");
        }
        for (Pin pin : Pin.values()) {
            assertEquals(0x9000, select(pin.application()), pin + ": SELECT " + pin.application());
            // an empty VERIFY reports the tries left: all of them on a fresh card
            assertEquals(0x63C0 | pin.maxTries(), sw(String.format("002000%02X", 0x80 | pin.fid())),
                    pin + " (" + pin.label() + "): tries on a fresh card");
        }
    }

    @Test
    void theMasterFileAnswersEveryModelDataObject() {
        card.reset();
        for (MasterFileObject object : MasterFileObject.values()) {
            assertEquals(0x9000, sw(String.format("00CA%04X00", object.tag())), object + ": GET DATA at the MF level");
        }
    }

    @Test
    void everyInstructionHasTheAppletsByte() throws ReflectiveOperationException {
        Class<?> table = Class.forName("dev.mynasim.applet.Instructions");
        TreeSet<String> appletNames = new TreeSet<>();
        for (Field field : table.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().startsWith("INS_")) {
                appletNames.add(field.getName().substring(4));
            }
        }
        TreeSet<String> modelNames = new TreeSet<>();
        for (Instruction instruction : Instruction.values()) {
            modelNames.add(instruction.name());
            Field field = table.getDeclaredField("INS_" + instruction.name());
            field.setAccessible(true);
            assertEquals(instruction.ins(), field.getByte(null) & 0xFF, instruction + ": INS");
        }
        // READ BINARY with an odd INS is refused, not a command: the model leaves it out
        appletNames.remove("READ_BINARY_ODD");
        assertEquals(appletNames, modelNames, "the applets' instructions and the model's");
    }

    /**
     * A card issued under 15 holds every model entry too: the signature key IEF and the password IEF
     * are there; the signature certificate EF is reserved empty, so it answers as missing until the
     * office writes it (IssuerApdus.reserveKey and an empty CREATE EF at issue).
     */
    @Test
    void aChildsCardHasTheSignatureEntriesOfTheModelReservedEmpty() {
        VirtualCard child = VirtualCards.issue(PersonaRepository.load().byId("hikari"), TestPki.load(), CardProfile.CONTACT);
        java.util.function.ToIntFunction<String> sw = hex -> StatusWord.of(child.transmit(java.util.HexFormat.of().parseHex(hex)));
        assertEquals(0x9000, sw.applyAsInt(String.format("00A4040C%02X%s", CardApplication.JPKI.aid().length,
                java.util.HexFormat.of().formatHex(CardApplication.JPKI.aid()))));
        assertEquals(0x6A82, sw.applyAsInt(String.format("00A4020C02%04X", CardFile.SIGN_CERTIFICATE.fid())));
        assertEquals(0x9000, sw.applyAsInt(String.format("00A4020C02%04X", CardKey.JPKI_SIGN.fid())));
        assertEquals(0x9000, sw.applyAsInt(String.format("00A4020C02%04X", Pin.SIGN.fid())));
        assertEquals(0x63C0, sw.applyAsInt(String.format("002000%02X", 0x80 | Pin.SIGN.fid())), "the never-set password");
        assertEquals(0x6982, StatusWord.of(child.transmit(dev.mynasim.model.IssuerApdus.reserveKey(CardKey.JPKI_SIGN.fid()))),
                "reserving is personalisation only");
    }

    @Test
    void aFileTheModelDoesNotKnowIsNotOnTheCard() {
        assertEquals(0x9000, select(CardApplication.JPKI));
        assertEquals(0x6A82, selectFile(0x0005), "JPKI EF 0005 is in no table");
    }
}
