package vn.ledger.archive.report;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * One style of DejaVu Sans as the report uses it: loaded into each volume (embedded as a subset), and, shared by all
 * volumes since they embed the same font, each character's width and glyph code, found once per character rather
 * than once per string shown. Glyph codes are the font's own glyph ids (PDFBox writes Identity-H codes as the
 * original ids and maps them onto the subset), so the codes found in one volume hold in the next.
 */
final class Face {

    static final Face REGULAR = new Face("DejaVuSans.ttf");
    static final Face BOLD = new Face("DejaVuSans-Bold.ttf");

    private static final int PLANE = 0x10000;
    private static final int UNKNOWN = -1;
    private static final int MISSING = -2;

    private final byte[] bytes;
    private final float[] widths = new float[PLANE];
    private final int[] codes = new int[PLANE];

    private Face(String file) {
        this.bytes = read(file);
        Arrays.fill(widths, Float.NaN);
        Arrays.fill(codes, UNKNOWN);
    }

    /**
     * The font for one volume, without its glyph substitutions: NFC text needs none (every Vietnamese letter is one
     * precomposed glyph), and PDFBox's substitution pass, run on every string shown, was most of a long report's time.
     */
    PDType0Font load(PDDocument doc) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        ttf.setEnableGsub(false);
        return PDType0Font.load(doc, ttf, true);
    }

    /** The advance width in thousandths of the size (PDFBox shows text unkerned, so widths simply add up). */
    float width(int cp, PDType0Font font) throws IOException {
        if (cp >= PLANE) {
            return font.getStringWidth(new String(Character.toChars(cp)));
        }
        float w = widths[cp];
        if (Float.isNaN(w)) {
            w = font.getStringWidth(new String(Character.toChars(cp)));
            widths[cp] = w;
        }
        return w;
    }

    /** The two-byte glyph code showing the character, or -1 when the font has no glyph for it. */
    int code(int cp, PDType0Font font) {
        int c = cp < PLANE ? codes[cp] : UNKNOWN;
        if (c == UNKNOWN) {
            c = encode(cp, font);
            if (cp < PLANE) {
                codes[cp] = c;
            }
        }
        return c == MISSING ? -1 : c;
    }

    private static int encode(int cp, PDType0Font font) {
        try {
            byte[] b = font.encode(new String(Character.toChars(cp)));
            return b.length == 2 ? (b[0] & 0xff) << 8 | (b[1] & 0xff) : MISSING;
        } catch (IOException | IllegalArgumentException noGlyph) {
            return MISSING;
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = Face.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
