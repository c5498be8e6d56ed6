package vn.ledger.archive.report;

import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Text as the report shows it: cleaned (NFC, printable in the font), measured in its font's advance widths, wrapped
 * into lines of a width.
 */
final class Lines {

    private Lines() {
    }

    /**
     * Greedy wrapping with a running width, so a line costs one measure per word; a word too long is cut. The words
     * are measured where they lie in the text, not split out of it: a line is the text from its first word to its
     * last, as the words joined by single spaces would be.
     */
    static List<String> wrap(String text, PdfPages.Style style, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>(2);
        if (text.indexOf('\n') < 0) {
            wrapParagraph(text, style, size, width, lines);
        } else {
            for (String paragraph : text.split("\n")) {
                wrapParagraph(paragraph, style, size, width, lines);
            }
        }
        return lines;
    }

    /** One paragraph's lines, as splitting it on spaces (trailing empty words dropped) and joining them greedily. */
    private static void wrapParagraph(String p, PdfPages.Style style, float size, float width, List<String> lines)
            throws IOException {
        float space = width(" ", style, size);
        int end = p.length();
        while (end > 0 && p.charAt(end - 1) == ' ') {
            end--;
        }
        int lineStart = 0;
        int lineEnd = 0; // the line is p[lineStart, lineEnd); empty when they are equal
        float used = 0;
        for (int i = 0; i <= end; ) {
            int j = p.indexOf(' ', i);
            if (j < 0 || j > end) {
                j = end;
            }
            float w = width(p, i, j, style, size);
            if (lineEnd > lineStart && used + space + w <= width) {
                lineEnd = j;
                used += space + w;
            } else {
                if (lineEnd > lineStart) {
                    lines.add(p.substring(lineStart, lineEnd));
                }
                int from = i;
                if (w > width && j - i > 1) {
                    String word = p.substring(i, j);
                    while (w > width && word.length() > 1) {
                        int cut = word.length() - 1;
                        while (cut > 1 && width(word.substring(0, cut), style, size) > width) {
                            cut--;
                        }
                        lines.add(word.substring(0, cut));
                        word = word.substring(cut);
                        w = width(word, style, size);
                    }
                    from = j - word.length();
                }
                lineStart = from;
                lineEnd = j;
                used = w;
            }
            if (j == end) {
                break;
            }
            i = j + 1;
        }
        lines.add(p.substring(lineStart, lineEnd));
    }

    static float width(String s, PdfPages.Style style, float size) throws IOException {
        return width(s, 0, s.length(), style, size);
    }

    /** The width of {@code s[from, to)}, its characters' widths added in order. */
    private static float width(String s, int from, int to, PdfPages.Style style, float size) throws IOException {
        Face face = style.face();
        PDType0Font font = style.font();
        float total = 0;
        for (int i = from; i < to; ) {
            char c = s.charAt(i);
            int cp = Character.isSurrogate(c) ? s.codePointAt(i) : c;
            total += face.width(cp, font);
            i += Character.charCount(cp);
        }
        return total / 1000 * size;
    }

    /**
     * The text as shown: NFC-normalised, then {@link #printable}. Most strings are already both (every character
     * one the font has, none that NFC could change or compose with what precedes it): those are returned as they are
     * after one look at each character, without the normaliser's copy.
     */
    static String clean(String s, Face face, PDType0Font font) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || !Nfc.stable(c) || face.code(c, font) < 0) {
                return printable(Normalizer.normalize(s, Normalizer.Form.NFC), face, font);
            }
        }
        return s;
    }

    static String clean(String s, PdfPages.Style style) {
        return clean(s, style.face(), style.font());
    }

    /**
     * Drops control characters and replaces what the font has no glyph for with '?', so one odd character never
     * fails; a string needing neither is returned as it is.
     */
    static String printable(String s, Face face, PDType0Font font) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int keep = cp == '\t' ? ' ' : cp == '\n' ? cp : cp < 0x20 || cp == 0x7f ? -1
                    : face.code(cp, font) >= 0 ? cp : '?';
            if (keep != cp && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null && keep >= 0) {
                out.appendCodePoint(keep);
            }
            i += Character.charCount(cp);
        }
        return out == null ? s : out.toString();
    }
}
