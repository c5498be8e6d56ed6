package vn.ledger.archive.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.ledger.archive.bag.BagWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A4 pages of wrapped text in DejaVu Sans (embedded, subset), written into the bag as numbered volumes of at most
 * {@code pagesPerVolume} pages so that a report of any length is never whole in memory. Every string is
 * NFC-normalised before it is measured or shown: decomposed Vietnamese accents would otherwise render as wrong letters.
 */
final class PdfPages implements AutoCloseable {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final byte[] REGULAR = font("DejaVuSans.ttf");
    private static final byte[] BOLD = font("DejaVuSans-Bold.ttf");
    /** Per style, what each character measures and whether the font has it: the same in every volume. */
    private static final Metrics REGULAR_METRICS = new Metrics();
    private static final Metrics BOLD_METRICS = new Metrics();

    enum Align { LEFT, CENTER, RIGHT }

    private final BagWriter bag;
    private final String prefix;
    private final int pagesPerVolume;
    private final List<String> footer;
    private PDDocument doc;
    private PDType0Font regular;
    private PDType0Font bold;
    private PDPageContentStream page;
    private float y;
    private int volumes;
    private int pagesInVolume;

    PdfPages(BagWriter bag, String prefix, int pagesPerVolume, List<String> footer) {
        this.bag = bag;
        this.prefix = prefix;
        this.pagesPerVolume = pagesPerVolume;
        this.footer = footer;
    }

    int volumes() {
        return volumes + (doc != null ? 1 : 0);
    }

    /** Starts a new volume when this one is full; call between documents, so a document starts a volume whole. */
    void breakVolumeIfFull() throws IOException {
        if (doc != null && pagesInVolume >= pagesPerVolume) {
            saveVolume();
        }
    }

    void text(String s, boolean strong, float size, float indent, Align align) throws IOException {
        if (s == null || s.isBlank()) {
            return;
        }
        ensurePage();
        PDType0Font font = strong ? bold : regular;
        String clean = printable(Normalizer.normalize(s, Normalizer.Form.NFC), font);
        for (String line : wrap(clean, font, size, WIDTH - indent)) {
            if (y - size * 1.35f < MARGIN) {
                newPage();
            }
            y -= size * 1.35f;
            float w = width(line, font, size);
            float x = MARGIN + indent + switch (align) {
                case LEFT -> 0;
                case CENTER -> (WIDTH - indent - w) / 2;
                case RIGHT -> WIDTH - indent - w;
            };
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, y);
            page.showText(line);
            page.endText();
        }
    }

    /** Two texts side by side, each centred in its half (the header of an official document). */
    void columns(List<String> left, List<String> right, boolean strong, float size) throws IOException {
        ensurePage();
        PDType0Font font = strong ? bold : regular;
        float half = WIDTH / 2;
        int rows = Math.max(left.size(), right.size());
        for (int i = 0; i < rows; i++) {
            if (y - size * 1.35f < MARGIN) {
                newPage();
            }
            y -= size * 1.35f;
            cell(i < left.size() ? left.get(i) : null, font, size, MARGIN, half);
            cell(i < right.size() ? right.get(i) : null, font, size, MARGIN + half, half);
        }
    }

    private void cell(String s, PDType0Font font, float size, float x0, float width) throws IOException {
        if (s == null || s.isBlank()) {
            return;
        }
        String clean = printable(Normalizer.normalize(s, Normalizer.Form.NFC), font);
        while (clean.length() > 1 && width(clean, font, size) > width) {
            clean = clean.substring(0, clean.length() - 2) + "…";
        }
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x0 + (width - width(clean, font, size)) / 2, y);
        page.showText(clean);
        page.endText();
    }

    void gap(float points) throws IOException {
        ensurePage();
        y -= points;
        if (y < MARGIN) {
            newPage();
        }
    }

    private void ensurePage() throws IOException {
        if (doc == null) {
            // in memory: a volume is a bounded number of pages, written and closed when full, and a scratch file's
            // per-byte seeks were a fifth of the report's time
            doc = new PDDocument();
            regular = PDType0Font.load(doc, withoutSubstitutions(REGULAR), true);
            bold = PDType0Font.load(doc, withoutSubstitutions(BOLD), true);
            pagesInVolume = 0;
            page = null;
        }
        if (page == null) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        pagesInVolume++;
        page = new PDPageContentStream(doc, p);
        float fy = MARGIN / 2;
        for (String f : footer) {
            page.beginText();
            page.setFont(regular, 7);
            page.newLineAtOffset(MARGIN, fy);
            page.showText(printable(Normalizer.normalize(f + " — tập " + (volumes + 1) + ", trang " + pagesInVolume,
                    Normalizer.Form.NFC), regular));
            page.endText();
            fy -= 9;
        }
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void saveVolume() throws IOException {
        page.close();
        page = null;
        volumes++;
        try (OutputStream out = bag.payload(String.format("%s-%03d.pdf", prefix, volumes))) {
            doc.save(out);
        }
        doc.close();
        doc = null;
    }

    @Override
    public void close() throws IOException {
        if (doc != null) {
            saveVolume();
        }
    }

    /** Greedy wrapping with a running width, so a line costs one measure per word; a word too long is cut. */
    private List<String> wrap(String text, PDType0Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        float space = width(" ", font, size);
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            float used = 0;
            for (String word : paragraph.split(" ")) {
                float w = width(word, font, size);
                if (line.length() > 0 && used + space + w <= width) {
                    line.append(' ').append(word);
                    used += space + w;
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                while (w > width && word.length() > 1) {
                    int cut = word.length() - 1;
                    while (cut > 1 && width(word.substring(0, cut), font, size) > width) {
                        cut--;
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                    w = width(word, font, size);
                }
                line.append(word);
                used = w;
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private Metrics metrics(PDType0Font font) {
        return font == bold ? BOLD_METRICS : REGULAR_METRICS;
    }

    /** PDFBox shows text without kerning, so a string's width is the sum of its characters': measured once each. */
    private float width(String s, PDType0Font font, float size) throws IOException {
        Metrics m = metrics(font);
        float total = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            total += m.width(cp, font);
            i += Character.charCount(cp);
        }
        return total / 1000 * size;
    }

    /**
     * Drops control characters and replaces what the font has no glyph for, so one odd character never fails; whether
     * the font has a character is looked up once per character, not by encoding every string twice.
     */
    private String printable(String s, PDType0Font font) {
        Metrics m = metrics(font);
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            int keep = cp == '\t' ? ' ' : cp == '\n' ? cp : cp >= 0x20 && cp != 0x7f ? (m.has(cp, font) ? cp : '?') : -1;
            if (keep != cp && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null && keep >= 0) {
                out.appendCodePoint(keep);
            }
            i += n;
        }
        return out == null ? s : out.toString();
    }

    /** A font's widths and glyph coverage by code point, filled as characters are first met. */
    private static final class Metrics {
        private static final int PLANE = 0x10000;
        private final float[] widths = new float[PLANE];
        private final byte[] coverage = new byte[PLANE]; // 0 not yet known, 1 has a glyph, 2 has none

        Metrics() {
            java.util.Arrays.fill(widths, Float.NaN);
        }

        synchronized float width(int cp, PDType0Font font) throws IOException {
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

        synchronized boolean has(int cp, PDType0Font font) {
            if (cp < PLANE && coverage[cp] != 0) {
                return coverage[cp] == 1;
            }
            boolean has;
            try {
                font.encode(new String(Character.toChars(cp)));
                has = true;
            } catch (IOException | IllegalArgumentException missingGlyph) {
                has = false;
            }
            if (cp < PLANE) {
                coverage[cp] = (byte) (has ? 1 : 2);
            }
            return has;
        }
    }

    /**
     * The font without its glyph substitutions: NFC text needs none (every Vietnamese letter is one precomposed
     * glyph), and PDFBox's substitution pass, run on every string shown, was most of a long report's time.
     */
    private static org.apache.fontbox.ttf.TrueTypeFont withoutSubstitutions(byte[] bytes) throws IOException {
        org.apache.fontbox.ttf.TrueTypeFont ttf = new org.apache.fontbox.ttf.TTFParser()
                .parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(bytes));
        ttf.setEnableGsub(false);
        return ttf;
    }

    private static byte[] font(String name) {
        try (InputStream in = PdfPages.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
