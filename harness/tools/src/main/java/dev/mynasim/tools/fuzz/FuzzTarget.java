package dev.mynasim.tools.fuzz;

import dev.mynasim.model.CardKey;
import dev.mynasim.model.CardFile;
import dev.mynasim.model.CommandApdus;
import dev.mynasim.model.CardApplication;
import dev.mynasim.model.Pin;
import dev.mynasim.simulator.Applications;
import dev.mynasim.simulator.issuer.ApplicationImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One place the fuzzer aims at: an application (selected by DF name at the start of every episode)
 * or the card level (MF, what answers after a reset). Knows the application's FIDs (for
 * structure-aware SELECT/READ templates), the PIN whose verification opens a protected operation,
 * and that protected operation (the probe that must answer 6982 after a reset or a DF SELECT).
 * A value class (copies in and out, equal by content) rather than a record, whose byte[] components
 * would compare by identity.
 */
public final class FuzzTarget {

    private final String name;
    private final byte[] aid;
    private final List<Integer> fids;
    private final int unlockPin;
    private final List<byte[]> probe;

    /** {@code aid} null for the MF level; {@code unlockPin} -1 where no PIN opens anything. */
    public FuzzTarget(String name, byte[] aid, List<Integer> fids, int unlockPin, List<byte[]> probe) {
        this.name = name;
        this.aid = aid == null ? null : aid.clone();
        this.fids = List.copyOf(fids);
        this.unlockPin = unlockPin;
        this.probe = probe.stream().map(byte[]::clone).toList();
    }

    public String name() {
        return name;
    }

    /** The application's DF name; null at the MF level. */
    public byte[] aid() {
        return aid == null ? null : aid.clone();
    }

    public List<Integer> fids() {
        return fids;
    }

    public int unlockPin() {
        return unlockPin;
    }

    /** The protected operation's commands, each a fresh copy. */
    public List<byte[]> probe() {
        return probe.stream().map(byte[]::clone).toList();
    }

    /** The MF level: no application selected after the reset, nothing protected. */
    public boolean isMasterFile() {
        return aid == null;
    }

    /** SELECT by DF name, no response data. */
    public byte[] select() {
        return selectByName(aid);
    }

    static byte[] selectByName(byte[] aid) {
        byte[] apdu = new byte[5 + aid.length];
        apdu[1] = (byte) 0xA4;
        apdu[2] = 0x04;
        apdu[3] = 0x0C;
        apdu[4] = (byte) aid.length;
        System.arraycopy(aid, 0, apdu, 5, aid.length);
        return apdu;
    }

    static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** Every target of a card issued from these images: each application, then the MF level. */
    public static List<FuzzTarget> of(List<ApplicationImage> images) {
        List<FuzzTarget> targets = new ArrayList<>();
        for (ApplicationImage image : images) {
            if (image.hasAid(Applications.ISD_AID)) {
                continue;
            }
            List<Integer> fids = new ArrayList<>(image.files().keySet());
            fids.addAll(image.pins().keySet());
            image.keys().forEach(key -> fids.add(key.fid()));
            byte[] aid = image.aid();
            targets.add(new FuzzTarget(image.label(), aid, List.copyOf(fids), unlockPinOf(aid, image), probeOf(aid, image)));
        }
        targets.add(new FuzzTarget("MF", null, List.of(0x3F00, 0x2F00, 0x2F01, 0x0001), -1, List.of()));
        return targets;
    }

    private static int unlockPinOf(byte[] aid, ApplicationImage image) {
        if (Arrays.equals(aid, CardApplication.JPKI.aid())) {
            return image.pins().containsKey(Pin.SIGN.fid()) ? Pin.SIGN.fid() : Pin.AUTH.fid();
        }
        if (Arrays.equals(aid, CardApplication.TEXT.aid())) {
            return Pin.TEXT.fid();
        }
        if (Arrays.equals(aid, CardApplication.SURFACE.aid())) {
            return Pin.SURFACE_CODE_B.fid();
        }
        if (Arrays.equals(aid, CardApplication.JUKI.aid())) {
            return Pin.JUKI.fid();
        }
        if (Arrays.equals(aid, CardApplication.COMMON.aid())) {
            return Pin.COMMON.fid();
        }
        return -1;
    }

    /**
     * The protected operation, sent right after the target is selected; its last command must answer
     * 6982 unless the unlock PIN was verified since that SELECT ({@code ProbeHonestyTest} proves it
     * answers 9000 then).
     */
    private static List<byte[]> probeOf(byte[] aid, ApplicationImage image) {
        if (Arrays.equals(aid, CardApplication.JPKI.aid())) {
            boolean sign = image.pins().containsKey(Pin.SIGN.fid());
            // Reading the signature certificate needs the signature password; a PIN-less card (a
            // child's) has only the user-proof key, whose signature needs the user-proof PIN.
            return sign
                ? List.of(CommandApdus.selectFile(CardFile.SIGN_CERTIFICATE.fid()), hex("00B0000004"))
                : List.of(CommandApdus.selectFile(CardKey.JPKI_AUTH.fid()), hex("802A0080233021300906052B0E03021A05000414" + "00".repeat(20) + "00"));
        }
        if (Arrays.equals(aid, CardApplication.TEXT.aid())) {
            return List.of(CommandApdus.selectFile(CardFile.MY_NUMBER.fid()), hex("00B0000000"));
        }
        if (Arrays.equals(aid, CardApplication.SURFACE.aid())) {
            return List.of(hex("00B0820004"));
        }
        // 住基 and common APs: no PIN-guarded file, but changing the PIN (here to its own value,
        // which the fuzzer fills in) needs it verified in this session; the PIN's EF must be current.
        return List.of(CommandApdus.selectFile(Pin.JUKI.fid()), hex("8032008004"));
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof FuzzTarget that) || probe.size() != that.probe.size()) {
            return false;
        }
        for (int i = 0; i < probe.size(); i++) {
            if (!Arrays.equals(probe.get(i), that.probe.get(i))) {
                return false;
            }
        }
        return name.equals(that.name) && Arrays.equals(aid, that.aid) && fids.equals(that.fids)
                && unlockPin == that.unlockPin;
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(name, fids, unlockPin);
        hash = 31 * hash + Arrays.hashCode(aid);
        for (byte[] command : probe) {
            hash = 31 * hash + Arrays.hashCode(command);
        }
        return hash;
    }

    @Override
    public String toString() {
        return name;
    }
}
