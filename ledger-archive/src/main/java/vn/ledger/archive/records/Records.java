package vn.ledger.archive.records;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import vn.ledger.archive.ExportScope;
import vn.ledger.archive.Exporter;
import vn.ledger.archive.Outline;
import vn.ledger.archive.bag.Payloads;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.Signer;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundle's metadata in the fields of Nghị định 30/2020/NĐ-CP, Phụ lục VI: one line per document in
 * {@code metadata/documents.jsonl}, and the file (hồ sơ) the export forms in {@code metadata/file.json}. A field the
 * ledger does not hold is written as unknown, with the reason; nothing is filled in by guess.
 */
public final class Records {

    /** "22-TB/CQTTBCĐ": number 22, notation TB/CQTTBCĐ. */
    private static final Pattern NUMBERED = Pattern.compile("^(\\d+)-(\\S+)$");
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private final Facts facts;
    private final Clock clock;

    public Records(Facts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    public void write(Payloads bag, List<Outline.Doc> docs, ExportScope scope,
                          Exporter.Requester requester, String exportId, java.util.function.LongConsumer done)
            throws IOException {
        long n = 0;
        LocalDate start = null;
        LocalDate end = null;
        int total = 0;
        try (OutputStream out = bag.payload("metadata/documents.jsonl");
             JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.setCodec(JSON);
            for (var doc : docs) {
                done.accept(++n);
                facts.prefetch(doc.id(), false);
                Facts.Document d = facts.document(doc.id());
                if (d == null) {
                    continue; // a directive whose issue the ledger does not hold (events of it only)
                }
                total++;
                LocalDate issued = d.issued().issuedOn();
                if (issued != null) {
                    start = start == null || issued.isBefore(start) ? issued : start;
                    end = end == null || issued.isAfter(end) ? issued : end;
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("directiveId", d.id());
                line.put("fields", fields(d).stream().map(AnnexValue::toJson).toList());
                json.writeObject(line);
                json.writeRaw('\n');
            }
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("exportId", exportId);
        file.put("scope", scope.describe());
        file.put("fields", fileFields(scope, requester, exportId, start, end, total).stream()
                .map(AnnexValue::toJson).toList());
        bag.payload("metadata/file.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(file));
    }

    List<AnnexValue> fields(Facts.Document d) {
        DirectiveIssued i = d.issued();
        List<AnnexValue> out = new ArrayList<>();
        out.add(AnnexValue.unknown(AnnexField.ORGAN_ID, "the ledger identifies the issuing body by its own code "
                + i.issuingBodyCode() + ", not by the electronic identifier code the annex asks for"));
        out.add(AnnexValue.known(AnnexField.ORGAN_NAME, facts.bodyName(i.issuingBodyCode()),
                "the issuing body's registered name (DirectiveIssued.issuingBodyCode " + i.issuingBodyCode() + ")"));
        String type = i.kind() == null ? null : Labels.typeName(i.kind());
        out.add(type == null ? AnnexValue.unknown(AnnexField.TYPE_NAME, "the document's kind was recorded as OTHER")
                : AnnexValue.known(AnnexField.TYPE_NAME, type, "DirectiveIssued.kind " + i.kind()));
        Matcher m = NUMBERED.matcher(d.symbol() == null ? "" : d.symbol());
        if (m.matches()) {
            out.add(AnnexValue.known(AnnexField.CODE_NUMBER, m.group(1), "the number before the first '-' of the "
                    + "symbol " + d.symbol()));
            out.add(AnnexValue.known(AnnexField.CODE_NOTATION, m.group(2), "the symbol after the number"));
        } else {
            out.add(AnnexValue.unknown(AnnexField.CODE_NUMBER, "the recorded symbol \"" + d.symbol()
                    + "\" holds no number of the form N-"));
            out.add(AnnexValue.unknown(AnnexField.CODE_NOTATION, "the recorded symbol \"" + d.symbol()
                    + "\" cannot be split into number and notation"));
        }
        out.add(AnnexValue.known(AnnexField.ISSUED_DATE, i.issuedOn() == null ? null : i.issuedOn().toString(),
                "DirectiveIssued.issuedOn"));
        out.add(AnnexValue.known(AnnexField.SUBJECT, d.subject(), "DirectiveIssued.subject, with corrections"));
        Signer s = i.signer();
        out.add(s == null || s.position() == null
                ? AnnexValue.unknown(AnnexField.SIGNER_POSITION, "no signer was recorded")
                : AnnexValue.known(AnnexField.SIGNER_POSITION, s.position(), "DirectiveIssued.signer.position"));
        out.add(s == null || s.name() == null
                ? AnnexValue.unknown(AnnexField.SIGNER_FULL_NAME, "no signer was recorded")
                : AnnexValue.known(AnnexField.SIGNER_FULL_NAME, s.name(), "DirectiveIssued.signer.name"));
        List<String> to = new ArrayList<>();
        for (String code : i.recipientsForAction()) {
            to.add(facts.bodyName(code));
        }
        for (String code : i.recipientsForReport()) {
            to.add(facts.bodyName(code) + " (b/c)");
        }
        for (String code : i.recipientsForInformation()) {
            to.add(facts.bodyName(code) + " (để biết)");
        }
        out.add(AnnexValue.known(AnnexField.TO, to, "DirectiveIssued recipients for action, report (b/c) and "
                + "information"));
        out.add(AnnexValue.unknown(AnnexField.PRIORITY, "the ledger does not record a document's urgency"));
        out.add(AnnexValue.unknown(AnnexField.DUE_DATE, "the ledger records deadlines per task (see the report), "
                + "not one for the document"));
        out.add(AnnexValue.unknown(AnnexField.LANGUAGE, "the ledger does not record the document's language"));
        out.add(AnnexValue.unknown(AnnexField.PAGE_AMOUNT, "the ledger holds the document's content as fields, not "
                + "its pages"));
        List<String> notes = new ArrayList<>();
        if (!d.aliases().isEmpty()) {
            notes.add("cũng được trích dẫn là " + String.join(", ", d.aliases()));
        }
        if (d.ended() != null) {
            notes.add(d.ended());
        }
        out.add(notes.isEmpty() ? AnnexValue.unknown(AnnexField.DESCRIPTION, "nothing recorded beyond the fields")
                : AnnexValue.known(AnnexField.DESCRIPTION, String.join("; ", notes),
                "aliases registered, recall or replacement"));
        return out;
    }

    private List<AnnexValue> fileFields(ExportScope scope, Exporter.Requester requester, String exportId,
                                        LocalDate start, LocalDate end, int total) {
        List<AnnexValue> out = new ArrayList<>();
        out.add(AnnexValue.unknown(AnnexField.FILE_CODE, "a file code is assigned by the records office; this "
                + "export's own identifier is " + exportId));
        out.add(AnnexValue.known(AnnexField.TITLE, "Hồ sơ xuất từ sổ cái chỉ đạo: " + scope.describe(),
                "written by the ledger from the export's scope"));
        out.add(AnnexValue.unknown(AnnexField.MAINTENANCE, "retention is decided by the archivist under the "
                + "retention schedule; the ledger does not record it"));
        out.add(AnnexValue.unknown(AnnexField.RIGHTS, "the access regime is decided by the archivist; the ledger "
                + "does not record it"));
        out.add(AnnexValue.known(AnnexField.CREATOR, requester.fullName() + " (" + requester.username() + ", "
                + requester.position() + ", " + requester.bodyCode() + ")", "the user who made the export"));
        out.add(start == null ? AnnexValue.unknown(AnnexField.START_DATE, "the export holds no document")
                : AnnexValue.known(AnnexField.START_DATE, start.toString(), "the earliest issue date exported"));
        out.add(end == null ? AnnexValue.unknown(AnnexField.END_DATE, "the export holds no document")
                : AnnexValue.known(AnnexField.END_DATE, end.toString(), "the latest issue date exported"));
        out.add(AnnexValue.known(AnnexField.DOC_TOTAL, Integer.toString(total), "documents in the export"));
        return out;
    }
}
