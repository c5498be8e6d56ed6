package vn.ledger.archive.report;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's text as laid out: cleaned to NFC once, wrapped as splitting on spaces and joining greedily did. */
class PdfTextTest {

    private static final String[] SEED = {
        "Rà soát và hoàn thiện Danh mục công nghệ chiến lược và sản phẩm công nghệ chiến lược",
        "Chủ trì: Bộ Khoa học và Công nghệ; phối hợp: Bộ Công an, Bộ Tài chính, Bộ Giáo dục và Đào tạo",
        "Thời hạn (như văn bản ghi): \"trình Thủ tướng Chính phủ ban hành trong tháng 4/2026\" — tính đến hết ngày "
                + "30/04/2026",
        "- 05/05/2026 Báo cáo hoàn thành — Vũ Thị Hoà (Chuyên viên, Bộ Khoa học và Công nghệ); ghi nhận 05/05/2026 "
                + "09:12 (giờ VN): Danh mục đã trình Thủ tướng → chờ ý kiến",
        "Kính gửi: Đảng ủy xã Sính Bình; Ban Xây dựng Đảng xã Sính Bình; Ủy ban MTTQ xã Sính Bình",
        "THÔNG BÁO KẾT LUẬN CỦA BAN CHỈ ĐẠO TRUNG ƯƠNG VỀ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO",
        "https://example.vn/mot/duong/dan/rat/dai/khong/co/dau/cach/nao/de/xuong/dong/chi/co/the/cat/ngang/tu",
        "  hai  dấu  cách  liền nhau   và ở cuối   ",
        "dòng một\ndòng hai\n\ndòng bốn\n",
        "", " ", "a", "W", "Đủ \"6 rõ\".",
    };

    private static PDDocument doc;
    private static PdfPages.Style regular;
    private static PdfPages.Style bold;

    @BeforeAll
    static void fonts() throws IOException {
        doc = new PDDocument();
        regular = style(Face.REGULAR, "F1");
        bold = style(Face.BOLD, "F2");
    }

    @AfterAll
    static void close() throws IOException {
        doc.close();
    }

    @Test
    void linesAreWrappedAsSplittingOnSpacesAndJoiningGreedilyWrappedThem() throws IOException {
        // given the seed cascade's texts, and the same words run together at random into longer texts
        List<String> texts = new ArrayList<>(List.of(SEED));
        SplittableRandom random = new SplittableRandom(22);
        for (int i = 0; i < 200; i++) {
            StringBuilder s = new StringBuilder();
            for (int words = random.nextInt(1, 60); words > 0; words--) {
                String[] from = SEED[random.nextInt(7)].split(" ");
                s.append(from[random.nextInt(from.length)]).append(random.nextInt(12) == 0 ? "  " : " ");
            }
            texts.add(random.nextBoolean() ? s.toString() : s.toString().trim());
        }

        for (String text : texts) {
            for (PdfPages.Style style : List.of(regular, bold)) {
                for (float size : new float[] {8, 10, 14}) {
                    // (a narrow column for the seed's texts only: cutting a long word is slow either way)
                    float[] widths = texts.indexOf(text) < SEED.length ? new float[] {483.28f, 459.28f, 60f}
                            : new float[] {483.28f, 459.28f};
                    for (float width : widths) {
                        // when it is wrapped, then the lines are those of the earlier way
                        assertThat(Lines.wrap(text, style, size, width)).as("%s at %s in %s", text, size, width)
                                .isEqualTo(splitAndJoin(text, style, size, width));
                    }
                }
            }
        }
    }

    @Test
    void vietnameseTextIsShownInNfcWhateverFormItComesIn() {
        String nfc = "Ủy ban MTTQ xã Sính Bình — Bộ Giáo dục và Đào tạo: hoàn thành đúng hạn";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(nfc);

        // a decomposed text is composed; a composed one is returned as it is, not copied
        assertThat(Lines.clean(nfd, Face.REGULAR, regular.font())).isEqualTo(nfc);
        assertThat(Lines.clean(nfc, Face.REGULAR, regular.font())).isSameAs(nfc);
        // and a control character is dropped, a tab made a space, a character the font lacks shown as '?'
        assertThat(Lines.clean("a\tb\u0007c\u4E2D", Face.REGULAR, regular.font())).isEqualTo("a bc?");
    }

    @Test
    void everyCharacterTakenAsStableIsOneNfcLeavesAsItIsWhereverItStands() {
        List<Character> stable = new ArrayList<>();
        for (char c = 0; c < 0xFFFF; c++) {
            if (Nfc.stable(c) && !Character.isSurrogate(c)) {
                stable.add(c);
            }
        }
        assertThat(stable).hasSizeGreaterThan(800);
        for (char c : stable) {
            assertThat(Normalizer.isNormalized(String.valueOf(c), Normalizer.Form.NFC)).as("U+%04X", (int) c).isTrue();
            int type = Character.getType(c);
            assertThat(type).as("U+%04X is a mark", (int) c).isNotIn((int) Character.NON_SPACING_MARK,
                    (int) Character.COMBINING_SPACING_MARK, (int) Character.ENCLOSING_MARK);
        }
        // and no two of them make a string NFC would change
        StringBuilder pair = new StringBuilder("  ");
        for (char a : stable) {
            for (char b : stable) {
                pair.setCharAt(0, a);
                pair.setCharAt(1, b);
                assertThat(Normalizer.isNormalized(pair, Normalizer.Form.NFC)).isTrue();
            }
        }
    }

    /** The earlier wrapping, kept here as the reference: split on "\n" and " ", join greedily, cut long words. */
    private static List<String> splitAndJoin(String text, PdfPages.Style style, float size, float width)
            throws IOException {
        List<String> lines = new ArrayList<>();
        float space = Lines.width(" ", style, size);
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            float used = 0;
            for (String word : paragraph.split(" ")) {
                float w = Lines.width(word, style, size);
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
                    while (cut > 1 && Lines.width(word.substring(0, cut), style, size) > width) {
                        cut--;
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                    w = Lines.width(word, style, size);
                }
                line.append(word);
                used = w;
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static PdfPages.Style style(Face face, String name) throws IOException {
        PDType0Font font = face.load(doc);
        return new PdfPages.Style(face, font, COSName.getPDFName(name), new BitSet());
    }
}
