package vn.ledger.archive.report;

/**
 * Characters that NFC leaves as they are wherever they stand: none decomposes, none is a mark that could compose with
 * the character before it (so a string of only these is already NFC). Printable ASCII and Latin-1, the Latin letters
 * of Vietnamese (precomposed, as NFC writes them), general punctuation's dashes and quotes, and arrows; the test
 * checks each against {@link java.text.Normalizer}. Anything else goes through the normaliser.
 */
final class Nfc {

    private Nfc() {
    }

    static boolean stable(char c) {
        return c < 0x300 || c >= 0x1EA0 && c <= 0x1EF9 || c >= 0x2010 && c <= 0x2027 || c >= 0x2190 && c <= 0x2199;
    }
}
