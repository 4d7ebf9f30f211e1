package dev.mynasim.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.client.card.CardClient;
import dev.mynasim.client.card.ReadMethod;
import dev.mynasim.client.pcsc.PcscTransport;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.model.CardFile;
import dev.mynasim.model.Pin;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.VirtualCards;
import dev.mynasim.simulator.vpcd.OpenScTools;
import dev.mynasim.simulator.vpcd.RequiresPcsc;
import dev.mynasim.simulator.vpcd.VpcdBridge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hikari's card (issued at 5, no signature certificate) in "Virtual PCD 00 00": reissued at 14 and
 * given her first signature certificate on her 15th birthday by {@code mynasim office} through the
 * reader, then {@code mynasim read} shows the new certificate's validity and OpenSC, unmodified, lists
 * it and signs with the key made on the card and the password set (openssl verifies).
 */
@RequiresPcsc
class FirstSignatureThroughOpenScTest {

    private static final String READER = "Virtual PCD 00 00";
    private static final String PASSWORD = "HIKARI15";

    @TempDir
    Path dir;

    private VpcdBridge bridge;

    @AfterEach
    void takeTheCardOut() throws Exception {
        if (bridge != null) {
            bridge.close();
            await("card out of " + READER).atMost(Duration.ofSeconds(10)).until(() -> OpenScTools.run("opensc-tool", "--list-readers")
                    .lines().noneMatch(line -> line.contains("Yes") && line.contains(READER)));
        }
    }

    @Test
    void theFirstSignatureCertificateAt15IsReadAndUsedThroughOpenSc() throws Exception {
        for (String tool : List.of("opensc-tool", "pkcs15-tool", "pkcs11-tool", "openssl")) {
            OpenScTools.require(tool);
        }
        Persona hikari = Fixtures.get().personas().byId("hikari");
        VirtualCard card = VirtualCards.issue(hikari, Fixtures.get().pki(), CardProfile.CONTACT);
        bridge = new VpcdBridge(card, VpcdBridge.DEFAULT_HOST, VpcdBridge.SLOT0_PORT).start();
        await("card in " + READER).atMost(Duration.ofSeconds(10)).until(() -> OpenScTools.run("opensc-tool", "--list-readers")
                .lines().anyMatch(line -> line.contains("Yes") && line.contains(READER)));
        // OpenSC's JPKI emulator lists both certificate objects on every card; the password shows what the card has
        assertTrue(signaturePin().contains("Tries left     : 0"), "the never-set password: " + signaturePin());

        String state = dir.resolve("ca").toString();
        CliContractTest.Run reissue = CliContractTest.run("office", "reissue", "--reader", READER, "--persona", "hikari",
                "--today", "2033-06-01", "--ca-state", state);
        assertEquals(0, reissue.exit(), reissue.out() + reissue.err());
        CliContractTest.Run early = CliContractTest.run("office", "first-signature", "--reader", READER, "--persona", "hikari",
                "--today", "2034-04-30", "--new-pin", PASSWORD, "--ca-state", state);
        assertEquals(1, early.exit(), early.out() + early.err());
        assertTrue(early.err().contains("turns 15 on 2034-05-01"), early.err());
        CliContractTest.Run first = CliContractTest.run("office", "first-signature", "--reader", READER, "--persona", "hikari",
                "--today", "2034-05-01", "--new-pin", PASSWORD, "--ca-state", state);
        assertEquals(0, first.exit(), first.out() + first.err());
        assertTrue(first.out().contains("valid 2034-05-01 to 2038-05-01"), first.out());

        CliContractTest.Run read = CliContractTest.run("read", "--reader", READER, "--persona", "hikari", "--pin", "sign=" + PASSWORD);
        assertEquals(0, read.exit(), read.out() + read.err());
        String signSection = read.out().substring(read.out().indexOf("signature certificate (EF 0001)"));
        assertTrue(signSection.contains("(2034-05-01 to 2038-05-01 JST)"), read.out());

        X509Certificate sign;
        try (PcscTransport transport = PcscTransport.open(READER)) {
            CardClient client = new CardClient(transport);
            assertTrue(client.verify(Pin.SIGN, PASSWORD).ok(), "the password the office set");
            sign = client.readCertificate(CardFile.SIGN_CERTIFICATE.fid(), ReadMethod.FOUR_BYTE_HEADER);
        }
        assertTrue(signaturePin().contains("Tries left     : 5"), "the new password has its 5 tries: " + signaturePin());

        Path message = Files.writeString(dir.resolve("message.txt"), "hikari, 15 today");
        Path signature = dir.resolve("message.sig");
        String out = OpenScTools.pkcs11Sign("1", "02", PASSWORD, message, signature);
        assertTrue(Files.exists(signature) && Files.size(signature) == 256, "pkcs11-tool made no 256-byte signature: " + out);
        String verified = OpenScTools.opensslVerify(sign.getPublicKey(), message, signature);
        assertTrue(verified.contains("Verified OK"), verified);
    }

    /** pkcs15-tool's section on the signature password. */
    private static String signaturePin() throws IOException, InterruptedException {
        String pins = OpenScTools.run("pkcs15-tool", "--reader", READER, "--list-pins");
        int at = pins.indexOf("Digital Signature PIN");
        assertTrue(at >= 0, pins);
        return pins.substring(at);
    }
}
