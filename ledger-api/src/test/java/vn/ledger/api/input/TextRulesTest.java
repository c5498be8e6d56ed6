package vn.ledger.api.input;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which characters a string from a request may hold. */
class TextRulesTest {

    private static String rule(String text, boolean freeText) {
        TextRules.Violation v = TextRules.check(text, freeText, 100);
        return v == null ? null : v.rule();
    }

    @Test
    void freeTextMayHoldNewlinesTabsCrLfAndWholeSurrogatePairs() {
        assertThat(rule("dòng 1\ndòng 2\tcột\r\nhết 😀", true)).isNull();
    }

    @Test
    void idsMayHoldNoControlCharacterAtAll() {
        assertThat(rule("II.1\n", false)).isEqualTo(TextRules.CONTROL);
        assertThat(rule("II\t1", false)).isEqualTo(TextRules.CONTROL);
    }

    @Test
    void nulC0C1DelAndALoneCarriageReturnAreRefusedEverywhere() {
        for (String bad : new String[]{"a\u0000", "a\u0007", "\u001b[2J", "a\u007f", "a\u0085", "a\u009f", "a\rb"}) {
            assertThat(rule(bad, true)).as(bad).isEqualTo(TextRules.CONTROL);
        }
    }

    @Test
    void bidiOverridesIsolatesAndMarksAreRefused() {
        for (char c : new char[]{'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068',
                '\u2069', '\u200E', '\u200F', '\u061C'}) {
            assertThat(rule("abc" + c + "def", true)).as("U+%04X", (int) c).isEqualTo(TextRules.BIDI);
        }
    }

    @Test
    void loneOrReversedSurrogatesAreRefused() {
        assertThat(rule("a\uD800b", true)).isEqualTo(TextRules.LONE_SURROGATE);
        assertThat(rule("a\uDC00", true)).isEqualTo(TextRules.LONE_SURROGATE);
        assertThat(rule("\uDE00\uD83D", true)).isEqualTo(TextRules.LONE_SURROGATE);
        assertThat(rule("x\uD83D", true)).isEqualTo(TextRules.LONE_SURROGATE);
    }

    @Test
    void longerThanTheLimitIsRefused() {
        assertThat(rule("a".repeat(100), true)).isNull();
        assertThat(rule("a".repeat(101), true)).isEqualTo(TextRules.TOO_LONG);
    }

    @Test
    void acceptedTextIsNfcNormalised() {
        String decomposed = "Cu\u0309a"; // "Của" typed with a combining hook above
        assertThat(TextRules.normalise(decomposed)).isEqualTo("C\u1EE7a");
    }
}
