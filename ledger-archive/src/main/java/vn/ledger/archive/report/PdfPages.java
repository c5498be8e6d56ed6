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
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

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
    private final StringBuilder content = new StringBuilder(1 << 14);
    private List<byte[]> contents;
    private final char[] hex = new char[4];
    private float y;
    private int volumes;
    private int pagesInVolume;

    /** A style's font in the current volume, its resource name, and which characters the volume's subset holds. */
    private record Style(Face face, PDType0Font font, COSName name, BitSet inSubset) {
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
        String clean = printable(Normalizer.normalize(s, Normalizer.Form.NFC), style);
        for (String line : wrap(clean, style, size, WIDTH - indent)) {
            if (y - size * 1.35f < MARGIN) {
                newPage();
            }
            y -= size * 1.35f;
            float w = width(line, style, size);
            float x = MARGIN + indent + switch (align) {
                case LEFT -> 0;
                case CENTER -> (WIDTH - indent - w) / 2;
                case RIGHT -> WIDTH - indent - w;
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
        String clean = printable(Normalizer.normalize(s, Normalizer.Form.NFC), style);
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
        content.append("BT /").append(style.name().getName()).append(' ');
        number(size);
        content.append(" Tf ");
        number(x);
        content.append(' ');
        number(y);
        content.append(" Td <");
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int code = style.face().code(cp, style.font());
            if (code < 0) {
                continue; // printable() replaced what the font lacks; nothing else gets here
            }
            if (!style.inSubset().get(cp)) {
                style.inSubset().set(cp);
                style.font().addToSubset(cp);
            }
            hex[0] = HEX[code >> 12 & 0xf];
            hex[1] = HEX[code >> 8 & 0xf];
            hex[2] = HEX[code >> 4 & 0xf];
            hex[3] = HEX[code & 0xf];
            content.append(hex, 0, 4);
        }
        content.append("> Tj ET\n");
    }

    /** A coordinate to two decimals, without a formatter. */
    private void number(float v) {
        long hundredths = Math.round(v * 100.0);
        if (hundredths < 0) {
            content.append('-');
            hundredths = -hundredths;
        }
        content.append(hundredths / 100).append('.');
        long cents = hundredths % 100;
        content.append((char) ('0' + cents / 10)).append((char) ('0' + cents % 10));
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
            show(regular, 7, MARGIN, fy, printable(Normalizer.normalize(f + " — tập " + (volumes + 1) + ", trang "
                    + pagesInVolume, Normalizer.Form.NFC), regular));
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
        byte[] raw = content.toString().getBytes(StandardCharsets.US_ASCII);
        content.setLength(0);
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

    /** Greedy wrapping with a running width, so a line costs one measure per word; a word too long is cut. */
    private List<String> wrap(String text, Style style, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        float space = width(" ", style, size);
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            float used = 0;
            for (String word : paragraph.split(" ")) {
                float w = width(word, style, size);
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
                    while (cut > 1 && width(word.substring(0, cut), style, size) > width) {
                        cut--;
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                    w = width(word, style, size);
                }
                line.append(word);
                used = w;
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(String s, Style style, float size) throws IOException {
        float total = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            total += style.face().width(cp, style.font());
            i += Character.charCount(cp);
        }
        return total / 1000 * size;
    }

    /**
     * Drops control characters and replaces what the font has no glyph for with '?', so one odd character never
     * fails; a string needing neither is returned as it is.
     */
    private static String printable(String s, Style style) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int keep = cp == '\t' ? ' ' : cp == '\n' ? cp : cp < 0x20 || cp == 0x7f ? -1
                    : style.face().code(cp, style.font()) >= 0 ? cp : '?';
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
