package dev.mynasim.applet;

/** A GET DATA object of the master file: its 2-byte tag and its value, written once by the issuer. */
final class DataObject {
    final short tag;
    /** Allocated once with room to spare (the contact ATR can be replaced by a longer one). */
    final byte[] value;
    /** How many bytes of value the object holds. */
    short length;

    DataObject(short tag, byte[] value) {
        this.tag = tag;
        this.value = value;
    }
}
