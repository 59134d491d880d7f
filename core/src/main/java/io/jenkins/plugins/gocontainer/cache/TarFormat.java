package io.jenkins.plugins.gocontainer.cache;

/** Layout of a POSIX ustar header block, shared by {@link TarWriter} and {@link TarReader}. */
final class TarFormat {

    static final int BLOCK = 512;

    static final int NAME = 0;
    static final int NAME_LENGTH = 100;
    static final int MODE = 100;
    static final int UID = 108;
    static final int GID = 116;
    static final int SIZE = 124;
    static final int SIZE_LENGTH = 12;
    static final int MTIME = 136;
    static final int CHECKSUM = 148;
    static final int CHECKSUM_LENGTH = 8;
    static final int TYPE = 156;
    static final int LINK_NAME = 157;
    static final int MAGIC = 257;
    static final int VERSION = 263;
    static final int DEV_MAJOR = 329;
    static final int DEV_MINOR = 337;
    static final int PREFIX = 345;
    static final int PREFIX_LENGTH = 155;

    static final byte[] MAGIC_BYTES = {'u', 's', 't', 'a', 'r', 0};
    static final byte[] VERSION_BYTES = {'0', '0'};

    static final byte TYPE_FILE = '0';
    static final byte TYPE_FILE_OLD = 0;
    static final byte TYPE_SYMLINK = '2';
    static final byte TYPE_DIRECTORY = '5';
    static final byte TYPE_PAX = 'x';

    /** The largest size an 11-digit octal field holds; larger files get a PAX size record. */
    static final long MAX_OCTAL_SIZE = 077777777777L;

    private TarFormat() {
    }

    /** Sum of the header's bytes, unsigned, with the checksum field counted as spaces. */
    static long checksum(byte[] header) {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= CHECKSUM && i < CHECKSUM + CHECKSUM_LENGTH ? ' ' : header[i] & 0xff;
        }
        return sum;
    }

    static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }
}
