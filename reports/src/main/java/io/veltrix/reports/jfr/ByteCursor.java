package io.veltrix.reports.jfr;

import java.nio.charset.StandardCharsets;

/**
 * Reads JFR's encodings from a byte array: compressed integers (LEB128: 7 bits a byte, low bits first, the ninth
 * byte carrying 8 bits, as the JDK writes them), raw bytes and strings. Reading past the array throws
 * {@link ArrayIndexOutOfBoundsException}, which the decoder treats as "cannot decode".
 */
final class ByteCursor {

    /** String encodings (the first byte of a string value). */
    static final byte STRING_NULL = 0;

    static final byte STRING_EMPTY = 1;
    static final byte STRING_POOL = 2;
    static final byte STRING_UTF8 = 3;
    static final byte STRING_CHARS = 4;
    static final byte STRING_LATIN1 = 5;

    byte[] buf;
    int pos;

    ByteCursor at(byte[] bytes, int position) {
        this.buf = bytes;
        this.pos = position;
        return this;
    }

    long varLong() {
        byte[] b = buf;
        int p = pos;
        long value = 0;
        for (int shift = 0; shift < 56; shift += 7) {
            byte x = b[p++];
            value |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                pos = p;
                return value;
            }
        }
        value |= (long) (b[p++] & 0xFF) << 56;
        pos = p;
        return value;
    }

    int varInt() {
        return (int) varLong();
    }

    /** Skips one compressed integer. */
    void skipVar() {
        byte[] b = buf;
        int p = pos;
        for (int i = 0; i < 8; i++) {
            if (b[p++] >= 0) {
                pos = p;
                return;
            }
        }
        pos = p + 1;
    }

    byte raw() {
        return buf[pos++];
    }

    /** Reads a string of encoding 0, 1, 3, 4 or 5; returns {@code this} as a marker for encoding 2 (pool key next). */
    Object stringOrPoolMarker() {
        byte encoding = raw();
        switch (encoding) {
            case STRING_NULL:
                return null;
            case STRING_EMPTY:
                return "";
            case STRING_POOL:
                return this;
            case STRING_UTF8:
                return bytes(StandardCharsets.UTF_8);
            case STRING_LATIN1:
                return bytes(StandardCharsets.ISO_8859_1);
            case STRING_CHARS: {
                int length = length();
                char[] chars = new char[length];
                for (int i = 0; i < length; i++) {
                    chars[i] = (char) varLong();
                }
                return new String(chars);
            }
            default:
                throw new UnsupportedChunkException("unknown string encoding " + encoding + " at " + (pos - 1));
        }
    }

    /** Skips a string value of any encoding. */
    void skipString() {
        byte encoding = raw();
        switch (encoding) {
            case STRING_NULL, STRING_EMPTY -> {}
            case STRING_POOL -> skipVar();
            case STRING_UTF8, STRING_LATIN1 -> {
                int length = length(); // before reading pos: length() moves it past the length
                pos += length;
            }
            case STRING_CHARS -> {
                int length = length();
                for (int i = 0; i < length; i++) {
                    skipVar();
                }
            }
            default -> throw new UnsupportedChunkException("unknown string encoding " + encoding + " at " + (pos - 1));
        }
    }

    private String bytes(java.nio.charset.Charset charset) {
        int length = length();
        if (length > buf.length - pos) {
            throw new UnsupportedChunkException("string of " + length + " bytes runs past its event at " + pos);
        }
        String s = new String(buf, pos, length, charset);
        pos += length;
        return s;
    }

    private int length() {
        int length = varInt();
        if (length < 0) {
            throw new UnsupportedChunkException("negative string length " + length + " at " + pos);
        }
        return length;
    }
}
