package vn.ledger.archive.report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A page's content stream as it is composed: ASCII bytes, appended without a string between. */
final class Content {
    private static final byte[] HEX_DIGITS = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private byte[] buf = new byte[1 << 15];
    private int size;

    Content ascii(String s) {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) {
            buf[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** A glyph code as four hex digits. */
    void hex4(int code) {
        room(4);
        buf[size++] = HEX_DIGITS[code >> 12 & 0xf];
        buf[size++] = HEX_DIGITS[code >> 8 & 0xf];
        buf[size++] = HEX_DIGITS[code >> 4 & 0xf];
        buf[size++] = HEX_DIGITS[code & 0xf];
    }

    /** A coordinate to two decimals, without a formatter. */
    void number(float v) {
        long hundredths = Math.round(v * 100.0);
        room(24);
        if (hundredths < 0) {
            buf[size++] = '-';
            hundredths = -hundredths;
        }
        long whole = hundredths / 100;
        int digits = 1;
        for (long w = whole; w >= 10; w /= 10) {
            digits++;
        }
        for (int d = digits - 1; d >= 0; d--) {
            buf[size + d] = (byte) ('0' + whole % 10);
            whole /= 10;
        }
        size += digits;
        buf[size++] = '.';
        long cents = hundredths % 100;
        buf[size++] = (byte) ('0' + cents / 10);
        buf[size++] = (byte) ('0' + cents % 10);
    }

    /** The stream so far; the buffer starts empty again. */
    byte[] take() {
        byte[] out = Arrays.copyOf(buf, size);
        size = 0;
        return out;
    }

    private void room(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}
