package vn.ledger.api.input;

import java.text.Normalizer;

/**
 * What a string from a request may hold. Free text may carry newlines and tabs; an id, code or path segment no
 * control character at all. Nowhere: a lone surrogate (half of a UTF-16 pair, which no stored encoding can keep),
 * a C0/C1 control or DEL, a bidirectional override, embedding, isolate or mark (they make text display in another
 * order than it is stored: a spoofing tool). Accepted text is NFC-normalised, so that the same words are stored
 * as the same code points whichever keyboard typed them.
 */
public final class TextRules {

    public static final String LONE_SURROGATE = "text.lone-surrogate";
    public static final String CONTROL = "text.control-character";
    public static final String BIDI = "text.bidi-control";
    public static final String TOO_LONG = "text.too-long";

    /** A refused string: the rule and why. */
    public record Violation(String rule, String message) {
    }

    private TextRules() {
    }

    /** The first rule {@code text} breaks, or null. */
    public static Violation check(String text, boolean freeText, int maxChars) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return loneSurrogate(c, i);
            }
            if (Character.isLowSurrogate(c)) {
                return loneSurrogate(c, i);
            }
            if (isControl(c) && !(freeText && allowedInText(text, i))) {
                return new Violation(CONTROL, "Control character " + hex(c) + " at index " + i + " is not allowed"
                        + (freeText ? " (free text may hold newlines and tabs only)." : " in an id or code."));
            }
            if (isBidiControl(c)) {
                return new Violation(BIDI, "Bidirectional control " + hex(c) + " at index " + i
                        + " is not allowed: it makes text display in another order than it is stored.");
            }
        }
        if (text.length() > maxChars) {
            return new Violation(TOO_LONG, "Text of " + text.length() + " characters; at most " + maxChars
                    + " are accepted.");
        }
        return null;
    }

    /** NFC form of accepted text. */
    public static String normalise(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    /** Newline, tab, and a carriage return only as the first half of CR LF. */
    private static boolean allowedInText(String text, int i) {
        char c = text.charAt(i);
        return c == '\n' || c == '\t' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
    }

    static boolean isBidiControl(char c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }

    private static Violation loneSurrogate(char c, int i) {
        return new Violation(LONE_SURROGATE, "Lone surrogate " + hex(c) + " at index " + i
                + ": not a character (a broken UTF-16 pair); it cannot be stored as sent.");
    }

    private static String hex(char c) {
        return String.format("U+%04X", (int) c);
    }
}
