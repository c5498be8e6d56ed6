package vn.ledger.archive.report;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.ledger.archive.bag.Payloads;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.zip.Deflater;

/**
 * A4 pages of wrapped text in DejaVu Sans (embedded, subset), written into the bag as numbered volumes of at most
 * {@code pagesPerVolume} pages so that a report of any length is never whole in memory. Every string is
 * NFC-normalised before it is measured or shown: decomposed Vietnamese accents would otherwise render as wrong letters.
 * A page's content stream is composed here from each character's glyph code, found once per character (see
 * {@link Face}), and handed to PDFBox whole when the page is done: PDFBox's own {@code showText} encoded every string
 * character by character into a stream written a byte at a time, a third of the report's time. Compressing a page's
 * content, and a full volume's subsetting of its fonts and saving, happen where the bag is written (on its own
 * thread during an export) while the next page or volume is laid out here; a volume holds its pages compressed.
 */
final class PdfPages implements AutoCloseable {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    enum Align { LEFT, CENTER, RIGHT }

    private final Payloads bag;
    private final String prefix;
    private final int pagesPerVolume;
    private final List<String> footer;
    private PDDocument doc;
    private Style regular;
    private Style bold;
    private PDResources resources;
    private PDPage page;
    private final Content content = new Content();
    private List<byte[]> contents;
    private float y;
    private int volumes;
    private int pagesInVolume;

    /** A style's font in the current volume, its resource name, and which characters the volume's subset holds. */
    record Style(Face face, PDType0Font font, COSName name, BitSet inSubset) {
    }

    PdfPages(Payloads bag, String prefix, int pagesPerVolume, List<String> footer) {
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
        Style style = strong ? bold : regular;
        String clean = clean(s, style);
        for (String line : wrap(clean, style, size, WIDTH - indent)) {
            if (y - size * 1.35f < MARGIN) {
                newPage();
            }
            y -= size * 1.35f;
            float x = MARGIN + indent + switch (align) {
                case LEFT -> 0;
                case CENTER -> (WIDTH - indent - width(line, style, size)) / 2;
                case RIGHT -> WIDTH - indent - width(line, style, size);
            };
            show(style, size, x, y, line);
        }
    }

    /** Two texts side by side, each centred in its half (the header of an official document). */
    void columns(List<String> left, List<String> right, boolean strong, float size) throws IOException {
        ensurePage();
        Style style = strong ? bold : regular;
        float half = WIDTH / 2;
        int rows = Math.max(left.size(), right.size());
        for (int i = 0; i < rows; i++) {
            if (y - size * 1.35f < MARGIN) {
                newPage();
            }
            y -= size * 1.35f;
            cell(i < left.size() ? left.get(i) : null, style, size, MARGIN, half);
            cell(i < right.size() ? right.get(i) : null, style, size, MARGIN + half, half);
        }
    }

    private void cell(String s, Style style, float size, float x0, float width) throws IOException {
        if (s == null || s.isBlank()) {
            return;
        }
        String clean = clean(s, style);
        while (clean.length() > 1 && width(clean, style, size) > width) {
            clean = clean.substring(0, clean.length() - 2) + "…";
        }
        show(style, size, x0 + (width - width(clean, style, size)) / 2, y, clean);
    }

    void gap(float points) throws IOException {
        ensurePage();
        y -= points;
        if (y < MARGIN) {
            newPage();
        }
    }

    /** One line of text at (x, y): {@code BT /F size Tf x y Td <codes> Tj ET}. */
    private void show(Style style, float size, float x, float y, String text) throws IOException {
        content.ascii("BT /").ascii(style.name().getName()).ascii(" ");
        content.number(size);
        content.ascii(" Tf ");
        content.number(x);
        content.ascii(" ");
        content.number(y);
        content.ascii(" Td <");
        Face face = style.face();
        PDType0Font font = style.font();
        BitSet inSubset = style.inSubset();
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            int cp = Character.isSurrogate(c) ? text.codePointAt(i) : c;
            i += Character.charCount(cp);
            int code = face.code(cp, font);
            if (code < 0) {
                continue; // printable() replaced what the font lacks; nothing else gets here
            }
            if (!inSubset.get(cp)) {
                inSubset.set(cp);
                font.addToSubset(cp);
            }
            content.hex4(code);
        }
        content.ascii("> Tj ET\n");
    }

    private void ensurePage() throws IOException {
        if (doc == null) {
            // in memory: a volume is a bounded number of pages, written and closed when full
            doc = new PDDocument();
            resources = new PDResources();
            PDType0Font r = Face.REGULAR.load(doc);
            PDType0Font b = Face.BOLD.load(doc);
            regular = new Style(Face.REGULAR, r, resources.add(r), new BitSet());
            bold = new Style(Face.BOLD, b, resources.add(b), new BitSet());
            pagesInVolume = 0;
            page = null;
            contents = new ArrayList<>(pagesPerVolume + 8);
        }
        if (page == null) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (page != null) {
            finishPage();
        }
        page = new PDPage(PDRectangle.A4);
        page.setResources(resources);
        doc.addPage(page);
        pagesInVolume++;
        float fy = MARGIN / 2;
        for (String f : footer) {
            show(regular, 7, MARGIN, fy, clean(f + " — tập " + (volumes + 1) + ", trang " + pagesInVolume, regular));
            fy -= 9;
        }
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /**
     * Hands the page's content to be compressed where the bag is written (on its thread during an export, while
     * this one lays out the next page); the volume keeps it compressed until it is rendered. The list of a volume's
     * pages is touched there only.
     */
    private void finishPage() throws IOException {
        byte[] raw = content.take();
        List<byte[]> pages = contents;
        bag.beside(() -> pages.add(deflate(raw)));
    }

    /** Compressed as PDFBox's FlateFilter compresses a stream (zlib, the default level). */
    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private void saveVolume() throws IOException {
        finishPage();
        page = null;
        volumes++;
        for (Style style : List.of(regular, bold)) {
            if (style.inSubset().isEmpty()) {
                style.font().addToSubset(' ');
            }
        }
        PDDocument volume = doc;
        List<byte[]> pages = contents;
        List<PDType0Font> fonts = List.of(regular.font(), bold.font());
        doc = null;
        contents = null;
        bag.stored(String.format("%s-%03d.pdf", prefix, volumes), () -> render(volume, pages, fonts));
    }

    /**
     * The volume's PDF: each page's compressed content set into it, the fonts subset to the characters shown (PDFBox
     * does this on save only for fonts set through its own content stream, so here it is asked for), saved and
     * closed. It touches this volume's objects only, so it may run on another thread than the one laying out the next.
     */
    private static byte[] render(PDDocument volume, List<byte[]> pages, List<PDType0Font> fonts) throws IOException {
        try (volume) {
            int i = 0;
            for (PDPage p : volume.getPages()) {
                COSStream stream = volume.getDocument().createCOSStream();
                try (OutputStream out = stream.createRawOutputStream()) {
                    out.write(pages.get(i));
                }
                stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
                pages.set(i++, null);
                p.setContents(new PDStream(stream));
            }
            for (PDType0Font font : fonts) {
                font.subset();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            volume.save(out);
            return out.toByteArray();
        }
    }

    @Override
    public void close() throws IOException {
        if (doc != null) {
            saveVolume();
        }
    }

    /**
     * Greedy wrapping with a running width, so a line costs one measure per word; a word too long is cut. The words
     * are measured where they lie in the text, not split out of it: a line is the text from its first word to its
     * last, as the words joined by single spaces would be.
     */
    static List<String> wrap(String text, Style style, float size, float width) throws IOException {
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
    private static void wrapParagraph(String p, Style style, float size, float width, List<String> lines)
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

    static float width(String s, Style style, float size) throws IOException {
        return width(s, 0, s.length(), style, size);
    }

    /** The width of {@code s[from, to)}, its characters' widths added in order. */
    private static float width(String s, int from, int to, Style style, float size) throws IOException {
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

    private static String clean(String s, Style style) {
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

    /** A page's content stream as it is composed: ASCII bytes, appended without a string between. */
    static final class Content {
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
}
