package dev.mynasim.applet;

/** A GET DATA object of the master file: its 2-byte tag and its value, written once by the issuer. */
final class DataObject {
    final short tag;
    final byte[] value;

    DataObject(short tag, byte[] value) {
        this.tag = tag;
        this.value = value;
    }
}
