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
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** Texts whose lines are kept: a few hundred kilobytes. */
    private static final int LAID_OUT = 2048;
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

    /** How a text was asked to be laid out; its lines depend on nothing else (widths are the same in every volume). */
    private record Layout(String text, boolean strong, float size, float indent) {
    }

    /**
     * Repeated texts laid out, with their lines (see {@link #repeatedText}); emptied when full, so it holds at most a
     * few hundred kilobytes.
     */
    private final Map<Layout, List<String>> laidOut = new HashMap<>();

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
        ensurePage(); // a volume's fonts are loaded with its first page
        Style style = strong ? bold : regular;
        show(Lines.wrap(Lines.clean(s, style), style, size, WIDTH - indent), strong, size, indent, align);
    }

    /**
     * A text that recurs in the report (a task's bodies, deadline, person, status: the same from task to task): laid
     * out once and its lines kept, the next time only looked up. Shown as {@link #text} shows it.
     */
    void repeatedText(String s, boolean strong, float size, float indent, Align align) throws IOException {
        if (s == null || s.isBlank()) {
            return;
        }
        ensurePage();
        Layout key = new Layout(s, strong, size, indent);
        List<String> lines = laidOut.get(key);
        if (lines == null) {
            Style style = strong ? bold : regular;
            lines = Lines.wrap(Lines.clean(s, style), style, size, WIDTH - indent);
            if (laidOut.size() >= LAID_OUT) {
                laidOut.clear();
            }
            laidOut.put(key, lines);
        }
        show(lines, strong, size, indent, align);
    }

    private void show(List<String> lines, boolean strong, float size, float indent, Align align) throws IOException {
        Style style = strong ? bold : regular;
        for (String line : lines) {
            if (y - size * 1.35f < MARGIN) {
                newPage();
            }
            y -= size * 1.35f;
            float x = MARGIN + indent + switch (align) {
                case LEFT -> 0;
                case CENTER -> (WIDTH - indent - Lines.width(line, style, size)) / 2;
                case RIGHT -> WIDTH - indent - Lines.width(line, style, size);
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
        String clean = Lines.clean(s, style);
        while (clean.length() > 1 && Lines.width(clean, style, size) > width) {
            clean = clean.substring(0, clean.length() - 2) + "…";
        }
        show(style, size, x0 + (width - Lines.width(clean, style, size)) / 2, y, clean);
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
            show(regular, 7, MARGIN, fy, Lines.clean(f + " — tập " + (volumes + 1) + ", trang " + pagesInVolume,
                    regular));
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
}
