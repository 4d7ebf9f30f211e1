package dev.mynasim.applet;

/**
 * One application's files: its data EFs, PIN IEFs and key IEFs, declared once by the concrete
 * application's constructor and looked up by FID (as IsoApplet's IsoFileSystem). Allocated at
 * install; nothing here allocates afterwards.
 */
final class FileTable {
    final DataFile[] dataFiles;
    final Pin[] pins;
    final KeyFile[] keyFiles;
    byte dataFileCount;
    byte pinCount;
    byte keyFileCount;

    FileTable(byte maxDataFiles, byte maxPins, byte maxKeyFiles) {
        dataFiles = new DataFile[maxDataFiles];
        pins = new Pin[maxPins];
        keyFiles = new KeyFile[maxKeyFiles];
    }

    void addDataFile(short fid, byte readAccess, boolean records) {
        dataFiles[dataFileCount] = new DataFile(fid, readAccess, records);
        dataFileCount++;
    }

    void addPin(short fid, byte format, byte defaultTryLimit) {
        pins[pinCount] = new Pin(fid, format, defaultTryLimit, pinCount);
        pinCount++;
    }

    void addKeyFile(KeyFile keyFile) {
        keyFiles[keyFileCount] = keyFile;
        keyFileCount++;
    }

    Pin pinByFid(short fid) {
        for (byte i = 0; i < pinCount; i++) {
            if (pins[i].fid == fid) {
                return pins[i];
            }
        }
        return null;
    }

    KeyFile keyByFid(short fid) {
        for (byte i = 0; i < keyFileCount; i++) {
            if (keyFiles[i].fid == fid) {
                return keyFiles[i];
            }
        }
        return null;
    }

    DataFile dataFileByFid(short fid) {
        for (byte i = 0; i < dataFileCount; i++) {
            if (dataFiles[i].fid == fid) {
                return dataFiles[i];
            }
        }
        return null;
    }
}
