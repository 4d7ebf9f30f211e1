package dev.mynasim.world.issuer;

import dev.mynasim.model.CardKey;
import dev.mynasim.model.CommandApdus;
import dev.mynasim.model.IssuerApdus;
import dev.mynasim.model.CardFile;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.pki.IssuerKeyDerivation;
import dev.mynasim.model.CardApplication;
import dev.mynasim.client.card.CardClient;
import dev.mynasim.client.card.CardResponse;
import dev.mynasim.model.Pin;
import dev.mynasim.client.card.StatusWordException;
import dev.mynasim.simulator.issuer.CardImages;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Map;

/**
 * The municipal office's side of the issuer channel, spoken over the card's transport only (the sim,
 * vpcd, or a MynaSim applet in any PC/SC reader): in each application it needs, SELECT, GET CHALLENGE
 * (16 bytes), EXTERNAL AUTHENTICATE {@code 00 82 00 81} with the AES-CMAC of the challenge under the
 * card's issuer key, then the office commands of docs/personalisation.md. Writes go in short APDUs.
 * Any refusal stops the operation with the step and the status word (never a PIN value or a key).
 */
public final class TransportIssuerChannel implements IssuerCardChannel {

    private static final int CHALLENGE_LENGTH = 16;
    private static final int RSA_MODULUS_LENGTH = 256;
    private static final BigInteger F4 = BigInteger.valueOf(65537);

    private final CardClient client;
    private final byte[] cardKey;
    /** The card's holder as issued: the capacities of its files follow the data written at issue. */
    private final Persona asIssued;

    /** A channel with this card key (AES-128); the caller's copy may be wiped afterwards. */
    public TransportIssuerChannel(CardClient client, byte[] cardKey) {
        this(client, cardKey, null);
    }

    private TransportIssuerChannel(CardClient client, byte[] cardKey, Persona asIssued) {
        this.client = client;
        this.cardKey = cardKey.clone();
        this.asIssued = asIssued;
    }

    /** The office's channel to the holder's card: the key derived from the test master key and the card serial. */
    public static TransportIssuerChannel forCardOf(CardClient client, Persona holder) {
        byte[] key = IssuerKeyDerivation.testMaster().cardKey(holder.serialNumber());
        try {
            return new TransportIssuerChannel(client, key, holder);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** SELECT, GET CHALLENGE, EXTERNAL AUTHENTICATE in one application: the office commands are open until the next SELECT of a DF. */
    public CardResponse authenticate(CardApplication application) {
        client.select(application);
        byte[] challenge = client.send(CommandApdus.getChallenge(CHALLENGE_LENGTH))
                .require("GET CHALLENGE in the " + application.label());
        byte[] cryptogram = IssuerKeyDerivation.cryptogram(cardKey, Arrays.copyOf(challenge, CHALLENGE_LENGTH));
        return client.send(IssuerApdus.externalAuthenticate(cryptogram));
    }

    private void open(CardApplication application) {
        CardResponse response = authenticate(application);
        if (!response.ok()) {
            throw new StatusWordException("EXTERNAL AUTHENTICATE in the " + application.label(), response.sw());
        }
    }

    private static CardKey key(CertificatePurpose purpose) {
        return purpose == CertificatePurpose.AUTH ? CardKey.JPKI_AUTH : CardKey.JPKI_SIGN;
    }

    private static int certificateFid(CertificatePurpose purpose) {
        return purpose == CertificatePurpose.AUTH ? CardFile.AUTH_CERTIFICATE.fid() : CardFile.SIGN_CERTIFICATE.fid();
    }

    @Override
    public RSAPublicKey generateKeyPair(CertificatePurpose purpose) {
        open(CardApplication.JPKI);
        byte[] modulus = client.send(IssuerApdus.generateKeyPair(key(purpose)))
                .require(String.format("GENERATE ASYMMETRIC KEY PAIR %04X", key(purpose).fid()));
        if (modulus.length != RSA_MODULUS_LENGTH) {
            throw new IllegalStateException("the card answered a " + modulus.length + "-byte modulus, not 256");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(new BigInteger(1, modulus), F4));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the card's new public key is not an RSA key", e);
        }
    }

    @Override
    public void writeCertificate(CertificatePurpose purpose, X509Certificate certificate) {
        open(CardApplication.JPKI);
        try {
            writeFile(certificateFid(purpose), certificate.getEncoded());
            if (purpose == CertificatePurpose.SIGN) {
                // a first signature certificate makes the card say it has one (EF 0008 byte 0)
                writeFile(CardFile.CERTIFICATE_AVAILABILITY.fid(), CardImages.certificateAvailability(true));
            }
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode the new certificate", e);
        }
    }

    @Override
    public void resetPin(String pinLabel, String newValue) {
        Pin pin = Pin.labelled(pinLabel);
        open(pin.application());
        setValue(pin, newValue);
    }

    @Override
    public void setFirstPin(String pinLabel, String value) {
        Pin pin = Pin.labelled(pinLabel);
        open(pin.application());
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        byte[] command = IssuerApdus.setPin(pin.fid(), 0, 0xFF, bytes);
        try {
            CardResponse response = client.send(command);
            if (response.sw() == 0x6985) {
                setValue(pin, value); // already set by an interrupted run of the same operation
            } else {
                response.require("SET PIN of the " + pin.label());
            }
        } finally {
            Arrays.fill(bytes, (byte) 0);
            Arrays.fill(command, (byte) 0);
        }
    }

    @Override
    public void rewritePersonalData(Persona holderNow) {
        open(CardApplication.TEXT);
        for (Map.Entry<Integer, byte[]> file : CardImages.textRewrite(holderNow).entrySet()) {
            writeFile(file.getKey(), file.getValue());
        }
        setValue(Pin.TEXT_CODE_B, holderNow.verificationCodeB());
        open(CardApplication.SURFACE);
        for (Map.Entry<Integer, byte[]> file : CardImages.surfaceRewrite(holderNow).entrySet()) {
            writeFile(file.getKey(), file.getValue());
        }
        setValue(Pin.SURFACE_CODE_B, holderNow.verificationCodeB());
        open(CardApplication.COMMON);
        writeFile(CardFile.CARD_RECORD.fid(), CardImages.cardRecordRewrite(holderNow));
        client.forgetSelection();
    }

    @Override
    public void checkFits(Persona holderNow, int certificateBytes) {
        if (certificateBytes > CardImages.CERTIFICATE_CAPACITY) {
            throw new IllegalArgumentException("the new certificate would take " + certificateBytes
                    + " bytes; the card's certificate file holds " + CardImages.CERTIFICATE_CAPACITY
                    + " (name or address too long for the certificate)");
        }
        if (asIssued == null) {
            return;
        }
        int basicFour = CardImages.textRewrite(holderNow).get(CardFile.BASIC_FOUR.fid()).length;
        if (basicFour > CardImages.basicFourCapacity(asIssued)) {
            throw new IllegalArgumentException("name and address take " + basicFour + " bytes in the card's basic 4 (text EF 0002), which holds "
                    + CardImages.basicFourCapacity(asIssued) + ": shorten the name or address");
        }
        int cardFace = CardImages.surfaceRewrite(holderNow).get(CardFile.CARD_FACE.fid()).length;
        if (cardFace > CardImages.cardFaceCapacity(asIssued)) {
            throw new IllegalArgumentException("the card face would take " + cardFace + " bytes (surface EF 0002), the card holds "
                    + CardImages.cardFaceCapacity(asIssued) + ": shorten the name or address");
        }
    }

    /** RESET RETRY COUNTER with a new value, in the application already opened. */
    private void setValue(Pin pin, String newValue) {
        byte[] value = newValue.getBytes(StandardCharsets.US_ASCII);
        try {
            client.send(IssuerApdus.resetRetryCounter(pin, value)).require("RESET RETRY COUNTER of the " + pin.label());
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }

    /** SET EF LENGTH (80 E0 01 00), SELECT EF, WRITE BINARY in chunks: the file is exactly the content afterwards. */
    private void writeFile(int fid, byte[] content) {
        client.send(IssuerApdus.setEfLength(fid, content.length)).require(String.format("SET EF LENGTH %04X", fid));
        client.selectEf(fid).require(String.format("SELECT EF %04X", fid));
        for (int offset = 0; offset < content.length; offset += IssuerApdus.WRITE_CHUNK) {
            int length = Math.min(IssuerApdus.WRITE_CHUNK, content.length - offset);
            client.send(IssuerApdus.writeBinary(offset, content, offset, length))
                    .require(String.format("WRITE BINARY %04X at %d", fid, offset));
        }
    }

    @Override
    public String toString() {
        return "TransportIssuerChannel[card key masked]";
    }
}
