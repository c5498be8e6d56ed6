package vn.ledger.archive.report;

import vn.ledger.archive.ExportScope;
import vn.ledger.archive.Exporter;
import vn.ledger.archive.Outline;
import vn.ledger.archive.bag.Payloads;
import vn.ledger.archive.records.Dossiers;
import vn.ledger.archive.records.Facts;
import vn.ledger.archive.records.Labels;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.Signer;
import vn.ledger.core.shared.Deadline;
import vn.ledger.core.shared.Ro;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static vn.ledger.archive.report.PdfPages.Align.CENTER;
import static vn.ledger.archive.report.PdfPages.Align.LEFT;
import static vn.ledger.archive.report.PdfPages.Align.RIGHT;

/**
 * The human-readable report of an export ({@code report/report-NNN.pdf}): each document in cascade order with its
 * header laid out as officials print it (issuing body and number on the left, date on the right, type and subject
 * centred, recipients, signature block), then its tasks: lead and cooperating bodies, deadline as written, what
 * happened (who, when recorded, business date), status, timeliness as of the export, and the missing "6 rõ".
 */
public final class CascadeReport {

    /** A volume's pages are in memory until it is saved: a few MB at this size; each volume embeds its own subsets. */
    static final int PAGES_PER_VOLUME = 1000;
    /** Documents whose facts are read ahead of the one laid out (see {@link Dossiers}). */
    static final int DOSSIERS_AHEAD = 2;

    private final Facts facts;
    private final Clock clock;

    public CascadeReport(Facts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    /** Writes the report's volumes into the bag; returns how many. */
    public int write(Payloads bag, List<Outline.Doc> docs, ExportScope scope, Exporter.Requester requester,
                     String exportId, long treeSize, String rootBase64, java.util.function.LongConsumer done)
            throws IOException {
        long n = 0;
        LocalDate today = LocalDate.now(clock.withZone(Deadline.LEGAL_ZONE));
        List<String> footer = List.of("Sổ cái chỉ đạo — bản xuất " + exportId + " — cây " + treeSize + " lá, gốc "
                + rootBase64);
        try (PdfPages pdf = new PdfPages(bag, "report/report", PAGES_PER_VOLUME, footer)) {
            pdf.text("BÁO CÁO XUẤT HỒ SƠ TỪ SỔ CÁI CHỈ ĐẠO", true, 14, 0, CENTER);
            pdf.text(scope.describe(), false, 10, 0, CENTER);
            pdf.text("Người xuất: " + requester.fullName() + " (" + requester.position() + ", "
                    + requester.bodyCode() + "), ngày " + Days.day(today), false, 10, 0, CENTER);
            pdf.text("Tiến độ tính tại ngày " + Days.day(today) + " theo giờ Việt Nam: ngày hoàn thành so với hạn "
                    + "(sau gia hạn); nội dung gốc của mỗi sự kiện nằm trong data/events.jsonl, kèm bằng chứng.",
                    false, 8, 0, CENTER);
            pdf.gap(12);
            try (Dossiers ahead = new Dossiers(facts, docs.stream().map(Outline.Doc::id).toList(), DOSSIERS_AHEAD)) {
                while (ahead.hasNext()) {
                    Facts.Dossier dossier = ahead.next();
                    done.accept(++n);
                    pdf.breakVolumeIfFull();
                    if (dossier.document() == null) {
                        pdf.text("Văn bản " + dossier.id() + ": sổ cái không lưu việc ban hành; chỉ có các sự kiện "
                                + "sau.", true, 10, 0, LEFT);
                    } else {
                        header(pdf, dossier.document());
                    }
                    for (Facts.Task task : dossier.tasks()) {
                        task(pdf, task, today);
                    }
                    pdf.gap(18);
                }
            }
            return pdf.volumes();
        }
    }

    private void header(PdfPages pdf, Facts.Document doc) throws IOException {
        DirectiveIssued i = doc.issued();
        LocalDate on = i.issuedOn();
        pdf.columns(List.of(upper(facts.bodyName(i.issuingBodyCode())), "Số: " + doc.symbol()),
                List.of("", on == null ? "" : "ngày " + on.getDayOfMonth() + " tháng " + on.getMonthValue()
                        + " năm " + on.getYear()), false, 9);
        pdf.gap(6);
        String type = i.kind() == null ? null : Labels.typeName(i.kind());
        pdf.text(type == null ? "VĂN BẢN" : upper(type), true, 12, 0, CENTER);
        pdf.text(doc.subject(), true, 10, 0, CENTER);
        if (!i.implementsDirectives().isEmpty()) {
            pdf.text("Thực hiện: " + i.implementsDirectives().stream().map(c -> c.asWritten())
                    .collect(Collectors.joining(", ")), false, 9, 0, CENTER);
        }
        pdf.gap(4);
        if (!i.recipientsForAction().isEmpty()) {
            pdf.text("Kính gửi: " + String.join("; ", facts.bodyNames(i.recipientsForAction())), false, 9, 0, LEFT);
        }
        int n = 1;
        for (String o : i.orientations()) {
            pdf.text(n++ + ". " + o, false, 9, 12, LEFT);
        }
        List<String> to = new ArrayList<>();
        facts.bodyNames(i.recipientsForAction()).forEach(b -> to.add("- " + b + ";"));
        facts.bodyNames(i.recipientsForReport()).forEach(b -> to.add("- " + b + " (b/c);"));
        facts.bodyNames(i.recipientsForInformation()).forEach(b -> to.add("- " + b + " (để biết);"));
        Signer s = i.signer();
        List<String> sign = new ArrayList<>();
        if (s != null) {
            String capacity = Labels.capacity(s.capacity());
            if (capacity != null) {
                sign.add(capacity);
            }
            sign.add(upper(s.position()));
            sign.add(s.name());
        } else {
            sign.add("(sổ cái không ghi người ký)");
        }
        pdf.gap(4);
        List<String> left = new ArrayList<>();
        left.add("Nơi nhận:");
        left.addAll(to);
        pdf.columns(left, sign, false, 8);
        if (!doc.aliases().isEmpty() || doc.ended() != null) {
            pdf.text((doc.aliases().isEmpty() ? "" : "Còn được trích dẫn là: " + String.join(", ", doc.aliases())
                    + ". ") + (doc.ended() == null ? "" : doc.ended()), false, 8, 0, LEFT);
        }
        pdf.text("Diễn biến của văn bản:", true, 9, 0, LEFT);
        for (Facts.Happening h : doc.happenings()) {
            pdf.text(line(h), false, 8, 12, LEFT);
        }
    }

    private void task(PdfPages pdf, Facts.Task t, LocalDate today) throws IOException {
        var a = t.assigned();
        pdf.gap(4);
        pdf.text("Nhiệm vụ " + a.code() + (a.parentTaskId() != null ? " (giao tiếp từ " + a.parentTaskId() + ")" : "")
                + ": " + a.work(), true, 9, 6, LEFT);
        pdf.repeatedText("Chủ trì: " + join(facts.bodyNames(t.leadBodies())) + (t.cooperatingBodies().isEmpty() ? ""
                : "; phối hợp: " + join(facts.bodyNames(t.cooperatingBodies()))), false, 8, 18, LEFT);
        Deadline d = t.deadline();
        pdf.repeatedText("Thời hạn (như văn bản ghi): " + (d == null || d.wording() == null || d.wording().isBlank()
                ? "không ghi" : "\"" + d.wording() + "\"") + (d != null && d.dueDate() != null
                ? " — tính đến hết ngày " + Days.day(d.dueDate()) : ""), false, 8, 18, LEFT);
        pdf.repeatedText("Người chịu trách nhiệm: " + (a.responsible() == null ? "không ghi" : a.responsible().name()
                + (a.responsible().position() == null ? "" : ", " + a.responsible().position()))
                + "; sản phẩm: " + (a.product() == null ? "không ghi" : a.product()), false, 8, 18, LEFT);
        pdf.repeatedText(a.missing().isEmpty() ? "Đủ \"6 rõ\"." : "Thiếu: " + a.missing().stream().map(Ro::label)
                .collect(Collectors.joining(", ")) + ".", false, 8, 18, LEFT);
        pdf.repeatedText("Trạng thái: " + t.status() + "; tiến độ: " + timeliness(t, today), true, 8, 18, LEFT);
        for (Facts.Happening h : t.happenings()) {
            pdf.text(line(h), false, 8, 24, LEFT);
        }
    }

    static String timeliness(Facts.Task t, LocalDate today) {
        if (t.status().equals("Đã hủy")) {
            return "không xét (đã hủy)";
        }
        LocalDate due = t.deadline() == null ? null : t.deadline().dueDate();
        if (t.doneOn() != null) {
            if (due == null) {
                return "hoàn thành ngày " + Days.day(t.doneOn()) + " (không có hạn)";
            }
            long late = ChronoUnit.DAYS.between(due, t.doneOn());
            return late <= 0 ? "hoàn thành đúng hạn" : "hoàn thành quá hạn " + late + " ngày";
        }
        if (due == null) {
            return t.deadline() != null && t.deadline().recurring() ? "định kỳ, không có hạn cuối" : "không có hạn";
        }
        long left = ChronoUnit.DAYS.between(today, due);
        return left >= 0 ? "trong hạn (còn " + left + " ngày)" : "quá hạn " + (-left) + " ngày, chưa hoàn thành";
    }

    private static String line(Facts.Happening h) {
        StringBuilder s = new StringBuilder("- ");
        s.append(h.businessDate() == null ? "(không ghi ngày)" : Days.day(h.businessDate())).append(" ")
                .append(Labels.event(h.type()));
        if (h.who() != null) {
            s.append(" — ").append(h.who());
            List<String> where = new ArrayList<>();
            if (h.position() != null) {
                where.add(h.position());
            }
            if (h.body() != null) {
                where.add(h.body());
            }
            if (!where.isEmpty()) {
                s.append(" (").append(String.join(", ", where)).append(")");
            }
        }
        s.append("; ghi nhận ").append(Days.recorded(h.recorded())).append(" (giờ VN)");
        if (h.detail() != null && !h.detail().isBlank()) {
            s.append(": ").append(h.detail());
        }
        return s.toString();
    }

    private static String join(List<String> names) {
        return names.isEmpty() ? "không ghi" : String.join(", ", names);
    }

    private static String upper(String s) {
        return s == null ? "" : s.toUpperCase(java.util.Locale.forLanguageTag("vi"));
    }
}
