package vn.ledger.projections.directive;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.directive.DirectiveAliasRegistered;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveField;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.DirectiveRecalled;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.core.directive.Signer;
import vn.ledger.core.directive.SigningCapacity;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.projections.fixture.Seed;
import vn.ledger.projections.store.SharedValues;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.projections.fixture.Seed.A;
import static vn.ledger.projections.fixture.Seed.B;
import static vn.ledger.projections.fixture.Seed.BKHCN;
import static vn.ledger.projections.fixture.Seed.BTC;
import static vn.ledger.projections.fixture.Seed.MOST_OFFICER;
import static vn.ledger.projections.fixture.Seed.PHAM_GIA_TUC;

@DisplayName("A stored directive is a record its own events change, without a store")
class StoredDirectiveTest {

    private static final Instant T0 = Instant.parse("2026-03-20T08:00:00Z");
    private static final Instant T1 = Instant.parse("2026-03-21T08:00:00Z");
    private static final LocalDate MARCH_21 = LocalDate.of(2026, 3, 21);
    private static final String KEY = "000000000042.0000";

    private static StoredDirective issued(StoredDirective before) {
        DirectiveIssued e = Seed.issuedA();
        List<DirectiveView.Recipient> listed = new ArrayList<>();
        e.recipientsForAction().forEach(b -> listed.add(DirectiveView.Recipient.listed(b,
                DirectiveProjection.Role.ACTION)));
        return before.apply(e, 0, T0, KEY, List.of(), listed);
    }

    @Test
    void givenAStub_whenIssued_thenItsTasksInTheOrderWrittenComeBeforeThoseListedEarlier() {
        StoredDirective stub = StoredDirective.stub(A).withTask(A + "/added", "000000000050.0000");

        StoredDirective d = issued(stub);

        assertThat(d.issued()).isTrue();
        assertThat(d.status()).isEqualTo(DirectiveStatus.ACTIVE);
        assertThat(d.taskIds()).containsExactly(A + "/II.1", A + "/II.2", A + "/App.1", A + "/added");
        assertThat(d.recipients()).extracting(DirectiveView.Recipient::bodyCode)
                .containsExactlyElementsOf(Seed.issuedA().recipientsForAction());
        assertThat(d.recipientCount()).isEqualTo(4);
        assertThat(d.hasSeen(0)).isTrue();
        assertThat(d.hasSeen(1)).isFalse();
        assertThat(d.withTask(A + "/II.1", "000000000060.0000")).as("listed already, earlier").isNull();
    }

    @Test
    void givenAnIssuedDirective_whenReceivedTwiceAndByABodyNotListed_thenTheFirstReceiptsCount() {
        StoredDirective d = issued(StoredDirective.stub(A))
                .apply(new DirectiveReceived(A, BKHCN, MARCH_21, MOST_OFFICER), 1, T1)
                .apply(new DirectiveReceived(A, BKHCN, MARCH_21.plusDays(3), MOST_OFFICER), 2, T1.plusSeconds(9))
                .apply(new DirectiveReceived(A, "OTHER", MARCH_21, MOST_OFFICER), 3, T1);

        assertThat(d.receivedCount()).isEqualTo(2);
        assertThat(d.recipientCount()).isEqualTo(5);
        assertThat(d.recipients().get(0)).isEqualTo(new DirectiveView.Recipient(BKHCN,
                DirectiveProjection.Role.ACTION, MARCH_21, MOST_OFFICER, T1));
        assertThat(d.recipients().get(4)).isEqualTo(new DirectiveView.Recipient("OTHER", null, MARCH_21,
                MOST_OFFICER, T1));
    }

    @Test
    void givenAnIssuedDirective_whenCorrectedAliasedAndRecalled_thenEachActIsRecorded() {
        StoredDirective d = issued(StoredDirective.stub(A))
                .apply(new DirectiveCorrected(A, DirectiveField.SYMBOL, "22-TB/CQTTBCĐ", "22-TB/VPTW", "gõ nhầm",
                        MARCH_21, PHAM_GIA_TUC), 1, T1)
                .apply(new DirectiveCorrected(A, DirectiveField.SIGNER_POSITION, "x", "Chánh Văn phòng",
                        "gõ nhầm", MARCH_21, PHAM_GIA_TUC), 2, T1)
                .apply(new DirectiveAliasRegistered(A, "TB22", MARCH_21, PHAM_GIA_TUC), 3, T1)
                .apply(new DirectiveRecalled(A, "thay thế", MARCH_21, PHAM_GIA_TUC), 4, T1);

        assertThat(d.symbol()).isEqualTo("22-TB/VPTW");
        assertThat(d.signer()).isEqualTo(new Signer("Phạm Gia Túc", "Chánh Văn phòng", SigningCapacity.TM));
        assertThat(d.corrections()).extracting(DirectiveView.Correction::field)
                .containsExactly("SYMBOL", "SIGNER_POSITION");
        assertThat(d.aliases()).containsExactly(new DirectiveView.Alias("TB22", MARCH_21, PHAM_GIA_TUC, T1));
        assertThat(d.status()).isEqualTo(DirectiveStatus.RECALLED);
        assertThat(d.recall()).isEqualTo(new DirectiveView.Recall("thay thế", MARCH_21, PHAM_GIA_TUC, T1));
        assertThat(d.seq()).isEqualTo(4);
    }

    @Test
    void givenACitingDirective_whenTheCitedOneIsRenamed_thenItsCitationShowsTheNewSymbol() {
        StoredDirective citing = new StoredDirective(B, 0, true, "569-CV/TU", null, null, null, null, null, null,
                null, 0, 0, List.of(), List.of(new DirectiveView.CitationLink("22-TB/VPTW", A, null)), null,
                List.of(), List.of(), List.of(), 0, 0, null, null, List.of(), List.of(), List.of(), List.of(),
                List.of(), 0, 0, List.of(), null);

        assertThat(citing.withCitedSymbol(A, "22-TB/VPTW").implementsDirectives())
                .containsExactly(new DirectiveView.CitationLink("22-TB/VPTW", A, "22-TB/VPTW"));
        assertThat(citing.withCitedSymbol(A, "22-TB/VPTW").withCitedSymbol(A, "22-TB/VPTW")).isNull();
    }

    @Test
    void itsDocumentHasNamedFieldsInOneOrderAndReadsBack() {
        StoredDirective d = issued(StoredDirective.stub(A))
                .apply(new DirectiveAliasRegistered(A, "TB22", MARCH_21, PHAM_GIA_TUC), 1, T1);

        Document stored = StoredDirective.FORM.document(d);

        assertThat(stored.keySet()).containsExactly("_id", "seq", "issued", "symbol", "kind", "issuer", "signer",
                "issuedOn", "subject", "issuedBy", "issuedAt", "recipientCount", "receivedCount", "orientations",
                "implements", "status", "taskIds", "taskIdsAt", "recipients", "aliases", "updatedAt");
        assertThat(StoredDirective.FORM.read(stored)).isEqualTo(d);
        assertThat(StoredDirective.FORM.document(StoredDirective.FORM.read(stored))).isEqualTo(stored);
    }

    /** A document as directive layout 2 stored it: names in the order its events came, absent values as null. */
    @Test
    void aDocumentOfThePreviousLayoutDecodes() {
        String actor = SharedValues.actor(PHAM_GIA_TUC);
        Document previous = new Document("_id", A).append("taskIds", List.of(A + "/II.1"))
                .append("taskIdsAt", List.of("000000000042.0000/00000")).append("issued", true)
                .append("symbol", "22-TB/CQTTBCĐ").append("kind", "THONG_BAO").append("issuer", Seed.CQTT)
                .append("signer", new Document("name", "Phạm Gia Túc").append("position", "Chánh Văn phòng")
                        .append("capacity", "TM"))
                .append("issuedOn", "2026-03-20").append("subject", "Kết luận").append("issuedBy", actor)
                .append("issuedAt", Date.from(T0)).append("recipientCount", 2L).append("receivedCount", 0L)
                .append("orientations", List.of()).append("implements", List.of()).append("status", "ACTIVE")
                .append("recipients", List.of(
                        new Document("body", BKHCN).append("role", "ACTION").append("receivedOn", null)
                                .append("receivedBy", null).append("receivedAt", null),
                        new Document("body", BTC).append("role", "ACTION").append("receivedOn", "2026-03-21")
                                .append("receivedBy", actor).append("receivedAt", Date.from(T1))))
                .append("seq", 1L).append("updatedAt", Date.from(T1))
                .append("implementedBy", List.of(new Document("id", B).append("asWritten", "22-TB/VPTW")
                        .append("symbol", "569-CV/TU").append("issuer", Seed.TU).append("issuedOn", "2026-03-23")
                        .append("at", "000000000043.0000")))
                .append("implementedByCount", 1L);

        StoredDirective d = StoredDirective.FORM.read(previous);
        DirectiveView v = DirectiveQueries.view(d, java.util.Map.of(), d.recipients(), T1);

        assertThat(v.symbol()).isEqualTo("22-TB/CQTTBCĐ");
        assertThat(v.issuedOn()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(v.issuedBy()).isEqualTo(PHAM_GIA_TUC);
        assertThat(v.recipients()).containsExactly(
                new DirectiveView.Recipient(BKHCN, DirectiveProjection.Role.ACTION, null, null, null),
                new DirectiveView.Recipient(BTC, DirectiveProjection.Role.ACTION, MARCH_21, PHAM_GIA_TUC, T1));
        assertThat(v.implementedBy()).containsExactly(new DirectiveView.ImplementerLink(B, "569-CV/TU", Seed.TU,
                LocalDate.of(2026, 3, 23), "22-TB/VPTW"));
        assertThat(v.implementedByCount()).isEqualTo(1);
        assertThat(v.version()).isEqualTo(1);
        assertThat(d.apply(new DirectiveReceived(A, BKHCN, MARCH_21, MOST_OFFICER), 2, T1).receivedCount())
                .isEqualTo(2);
    }

    @Test
    void aBucketOfRecipientsAndOneOfImplementersReadBack() {
        RecipientBuckets.Bucket bucket = new RecipientBuckets.Bucket(A + "|0", List.of(
                new RecipientBuckets.Ranked(new DirectiveView.Recipient(BKHCN, DirectiveProjection.Role.REPORT,
                        MARCH_21, MOST_OFFICER, T1), 3)));
        ImplementerLinks.LinkBucket links = new ImplementerLinks.LinkBucket(A + "|0", List.of(
                new ImplementerLinks.Implementer(B, "22-TB/VPTW", "569-CV/TU", Seed.TU, "2026-03-23", KEY)));

        Document storedBucket = RecipientBuckets.Bucket.FORM.document(bucket);

        assertThat(RecipientBuckets.Bucket.FORM.read(storedBucket)).isEqualTo(bucket);
        assertThat(storedBucket.getList("recipients", Document.class).get(0).keySet())
                .containsExactly("body", "role", "receivedOn", "receivedBy", "receivedAt", "rank");
        assertThat(ImplementerLinks.LinkBucket.FORM.read(ImplementerLinks.LinkBucket.FORM.document(links)))
                .isEqualTo(links);
    }
}
