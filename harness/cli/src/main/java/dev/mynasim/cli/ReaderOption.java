package dev.mynasim.cli;

import picocli.CommandLine.Option;

/** {@code --reader R}, shared by every command that talks to a card. */
final class ReaderOption {

    static final String SIM = "sim";

    @Option(names = "--reader", paramLabel = "R",
            description = "Where the card is: sim (a fresh virtual card in this process), vpcd (the simulator served"
                    + " into pcscd), or a PC/SC reader by name, name fragment or index (e.g. \"Virtual PCD 00 00\""
                    + " for a card of mynasim serve). Default: sim.")
    String name;

    /** The reader named, else the in-process simulator. */
    String name() {
        return name == null ? SIM : name;
    }

    /** The reader named, else the given default. */
    String nameOr(String otherwise) {
        return name == null ? otherwise : name;
    }
}
