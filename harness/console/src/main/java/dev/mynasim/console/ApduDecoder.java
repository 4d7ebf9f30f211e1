package dev.mynasim.console;

import dev.mynasim.model.CardApplication;
import dev.mynasim.model.CardFile;
import dev.mynasim.model.CardKey;
import dev.mynasim.model.Instruction;
import dev.mynasim.model.Pin;
import dev.mynasim.client.transport.Apdus;
import dev.mynasim.client.transport.SecretMasking;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Names the commands of the console's APDU stream as the card understands them ("VERIFY user-proof
 * PIN → 63C2, 2 tries left") and masks them for the page. PIN and password data are masked by
 * {@link SecretMasking}; the data of the files that hold the My Number (text EF 0001, surface EF 0005)
 * is withheld by <em>which file is selected</em>, tracked here as the card tracks it, never by
 * looking for a byte pattern. One decoder follows one card; a power cycle clears the selection.
 */
public final class ApduDecoder {

    /** The files whose content is the My Number or its image. */
    static final Set<CardFile> MY_NUMBER_FILES = EnumSet.of(CardFile.MY_NUMBER, CardFile.MY_NUMBER_IMAGE);

    /**
     * One exchange as the page and the trace show it.
     *
     * @param application the application selected when the command ran (enum name, or MF)
     * @param name        what the command did, decoded
     * @param command     the command, hex, secrets masked
     * @param response    the response as a trace line writes it (hex, {@code [N bytes] SW} when withheld,
     *                    or {@code (no response: ...)})
     * @param withheld    whether response data was withheld because it holds the My Number
     */
    public record Decoded(String application, String name, String command, String response, boolean withheld) {
    }

    private CardApplication application;
    private int ef = -1;
    /** The last response's data was withheld and it announced more (61xx): GET RESPONSE continues it. */
    private boolean continuesWithheld;

    /** The card lost power or was reset: nothing is selected any more. */
    public synchronized void powerCycled() {
        application = null;
        ef = -1;
        continuesWithheld = false;
    }

    /** Decodes one exchange; {@code response} is null when none came back ({@code failure} says why). */
    public synchronized Decoded decode(byte[] command, byte[] response, String failure) {
        String app = application == null ? "MF" : application.name();
        if (command.length >= 4 && (command[1] & 0xFF) == 0xA4 && (command[2] & 0xFF) == 0x04) {
            CardApplication named = applicationOf(selectData(command));
            app = named == null ? app : named.name(); // a SELECT belongs to the application it selects
        }
        String maskedCommand = SecretMasking.describe(command);
        if (command.length < 4) {
            return new Decoded(app, "malformed command (" + command.length + " bytes)", maskedCommand,
                    response == null ? noResponse(failure) : Apdus.toHex(response), false);
        }
        int ins = command[1] & 0xFF;
        int p1 = command[2] & 0xFF;
        int p2 = command[3] & 0xFF;
        String name = name(command, ins, p1, p2);
        if (response == null) {
            continuesWithheld = false;
            return new Decoded(app, name, maskedCommand, noResponse(failure), false);
        }
        int sw = response.length >= 2 ? Apdus.sw(response) : -1;
        int dataLength = Math.max(0, response.length - 2);
        boolean withheld = dataLength > 0 && withholds(ins, p1);
        String shownResponse = withheld
                ? "[" + dataLength + " bytes] " + Apdus.toHex(response, response.length - 2, 2)
                : Apdus.toHex(response);
        String outcome = outcome(ins, sw, dataLength, withheld, dataLength(command) > 0);
        follow(command, ins, p1, sw);
        continuesWithheld = withheld && (sw >> 8) == 0x61;
        return new Decoded(app, name + " → " + outcome, maskedCommand, shownResponse, withheld);
    }

    private static String noResponse(String failure) {
        return "(no response: " + (failure == null ? "unknown" : failure) + ")";
    }

    /** Whether this command's response data comes from a My Number file. */
    private boolean withholds(int ins, int p1) {
        if (ins == 0xC0) {
            return continuesWithheld;
        }
        if (ins == 0xB0 || ins == 0xB1) {
            int file = (p1 & 0x80) != 0 ? p1 & 0x1F : ef;
            return isMyNumberFile(application, file);
        }
        // Anything else that answers with data while a My Number file is current is withheld too.
        return ins != 0xA4 && isMyNumberFile(application, ef);
    }

    static boolean isMyNumberFile(CardApplication application, int fid) {
        for (CardFile file : MY_NUMBER_FILES) {
            if (file.application() == application && file.fid() == fid) {
                return true;
            }
        }
        return false;
    }

    /** Updates the selection as the card would after this command. */
    private void follow(byte[] command, int ins, int p1, int sw) {
        if (sw != 0x9000 && (sw >> 8) != 0x61) {
            return;
        }
        if (ins == 0xA4 && p1 == 0x04) {
            CardApplication selected = applicationOf(selectData(command));
            if (selected != null) {
                application = selected;
                ef = -1;
            }
        } else if (ins == 0xA4) {
            byte[] data = selectData(command);
            if (data != null && data.length == 2) {
                ef = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
            }
        } else if ((ins == 0xB0 || ins == 0xB1) && (p1 & 0x80) != 0) {
            ef = p1 & 0x1F; // a READ BINARY by short EF identifier selects that EF
        }
    }

    private String name(byte[] command, int ins, int p1, int p2) {
        return switch (ins) {
            case 0xA4 -> p1 == 0x04 ? "SELECT " + applicationName(selectData(command)) : "SELECT " + fileName(selectData(command));
            case 0x20 -> "VERIFY " + pinName(p2) + (dataLength(command) == 0 ? " (tries left?)" : "");
            case 0xB0, 0xB1 -> {
                int file = (p1 & 0x80) != 0 ? p1 & 0x1F : ef;
                int offset = (p1 & 0x80) != 0 ? p2 : (p1 << 8) | p2;
                yield "READ BINARY " + (file < 0 ? "(no EF)" : String.format("%04X", file)) + " offset " + offset;
            }
            // GET RESPONSE belongs to the transport (T=0 and 61xx chaining), not to the card's own instructions.
            case 0xC0 -> "GET RESPONSE";
            case 0x24, 0x2C, 0x32 -> instructionName(command[0], ins) + " " + pinName(p2);
            default -> instructionName(command[0], ins);
        };
    }

    /** The card model's name of an instruction ({@link Instruction}), the class byte deciding between namesakes. */
    static String instructionName(byte cla, int ins) {
        Instruction match = null;
        for (Instruction instruction : Instruction.values()) {
            if (instruction.ins() == ins && (match == null || (instruction.cla() & 0x80) == (cla & 0x80))) {
                match = instruction;
            }
        }
        return match == null ? String.format("INS %02X", ins) : match.name().replace('_', ' ');
    }

    private String outcome(int ins, int sw, int dataLength, boolean withheld, boolean commandHasData) {
        String swText = String.format("%04X", sw);
        if ((sw & 0xFFF0) == 0x63C0) {
            int left = sw & 0x0F;
            return swText + ", " + left + (left == 1 ? " try" : " tries") + " left" + (left == 0 ? " (locked)" : "");
        }
        String meaning = switch (sw) {
            case 0x9000 -> ins == 0x20 && !commandHasData ? "not locked" : ins == 0x20 ? "verified" : null;
            case 0x6983 -> "locked";
            case 0x6982 -> "security status not satisfied";
            case 0x6A82 -> "not found";
            case 0x6A86 -> "wrong P1/P2";
            case 0x6700 -> "wrong length";
            case 0x6D00 -> "instruction not supported";
            case 0x6E00 -> "class not supported";
            case 0x6B00 -> "offset outside the file";
            case 0x6984 -> "reference data not usable";
            case 0x6985 -> "conditions of use not satisfied";
            default -> (sw >> 8) == 0x61 ? (sw & 0xFF) + " more bytes waiting" : null;
        };
        String data = dataLength > 0 ? dataLength + " bytes" + (withheld ? " (My Number file: withheld)" : "") : null;
        StringBuilder out = new StringBuilder(data != null ? data + ", " + swText : swText);
        if (meaning != null) {
            out.append(", ").append(meaning);
        }
        return out.toString();
    }

    private String applicationName(byte[] aid) {
        CardApplication found = applicationOf(aid);
        if (found != null) {
            return found.label();
        }
        return aid == null ? "(no name)" : "AID " + Apdus.toHex(aid);
    }

    private static CardApplication applicationOf(byte[] aid) {
        if (aid == null) {
            return null;
        }
        for (CardApplication candidate : CardApplication.values()) {
            if (Arrays.equals(candidate.aid(), aid)) {
                return candidate;
            }
        }
        return null;
    }

    private String fileName(byte[] fid) {
        if (fid == null || fid.length != 2) {
            return "EF " + (fid == null ? "(no FID)" : Apdus.toHex(fid));
        }
        int value = ((fid[0] & 0xFF) << 8) | (fid[1] & 0xFF);
        String label = fileLabel(value);
        return String.format("EF %04X", value) + (label == null ? "" : " (" + label + ")");
    }

    /** What a FID of the selected application is: a data file, a certificate, a PIN. */
    private String fileLabel(int fid) {
        for (CardFile file : CardFile.values()) {
            if (file.application() == application && file.fid() == fid) {
                return file.label();
            }
        }
        for (Pin pin : Pin.values()) {
            if (pin.application() == application && pin.fid() == fid) {
                return pin.label();
            }
        }
        for (CardKey key : CardKey.values()) {
            if (key.application() == application && key.fid() == fid) {
                return "private key " + key.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            }
        }
        return null;
    }

    /** The PIN a VERIFY (or change) addresses: P2 80 means the selected IEF, else P2's low bits name it. */
    private String pinName(int p2) {
        int fid = p2 == 0x80 ? ef : p2 & 0x1F;
        for (Pin pin : Pin.values()) {
            if (pin.application() == application && pin.fid() == fid) {
                return pin.label();
            }
        }
        return fid < 0 ? "(no PIN selected)" : String.format("PIN %04X", fid);
    }

    private static int dataLength(byte[] command) {
        if (command.length <= 5) {
            return 0;
        }
        int lc = command[4] & 0xFF;
        if (lc == 0 && command.length >= 7) {
            return ((command[5] & 0xFF) << 8) | (command[6] & 0xFF);
        }
        return lc;
    }

    private static byte[] selectData(byte[] command) {
        if (command.length <= 5) {
            return null;
        }
        int length = dataLength(command);
        int offset = (command[4] & 0xFF) == 0 && command.length >= 7 ? 7 : 5;
        if (length == 0 || command.length < offset + length) {
            return null;
        }
        return Arrays.copyOfRange(command, offset, offset + length);
    }
}
