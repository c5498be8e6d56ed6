package vn.ledger.projections.search;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveIssued;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The search index's stored documents are records changed purely, without a store")
class SearchRecordsTest {

    @Test
    void aTokensListIsInTheLogOrderOfTheIssuesWhateverOrderTheyCameIn() {
        TokenPostings t = TokenPostings.none("trien")
                .with("B", "2026-03-02", "0002").with("A", "2026-03-01", "0001").with("C", "2026-03-03", "0003");

        assertThat(t.ids()).containsExactly("A", "B", "C");
        assertThat(t.on()).containsExactly("2026-03-01", "2026-03-02", "2026-03-03");
        assertThat(t.with("B", "2026-03-02", "0002")).as("listed already, same day").isSameAs(t);
        assertThat(t.with("B", "2026-04-01", "0002").on()).containsExactly("2026-03-01", "2026-04-01", "2026-03-03");
        assertThat(t.without("B").ids()).containsExactly("A", "C");
        assertThat(TokenPostings.FORM.read(TokenPostings.FORM.document(t))).isEqualTo(t);
        assertThat(TokenPostings.FORM.document(t).get("n")).isEqualTo(3L);
    }

    @Test
    void anEntryIsFoundUnderItsSymbolAliasesSubjectAndIssuersName() {
        SearchEntry e = SearchEntry.none("D").withAlias("22-TB/VPTW").withIssuerName("Văn phòng Trung ương")
                .withStatus("ACTIVE");

        assertThat(e.searchTokens()).contains("vptw", "van", "phong");
        SearchEntry indexed = e.indexed(e.searchTokens());
        assertThat(indexed.tokens()).containsExactlyElementsOf(e.searchTokens());
        assertThat(SearchEntry.FORM.read(SearchEntry.FORM.document(indexed.seen(3)))).isEqualTo(indexed.seen(3));
        assertThat(indexed.seen(3).hasSeen(3)).isTrue();
    }

    /** Documents as search layout 2 (the current main layout before this one) stored them. */
    @Test
    void documentsOfThePreviousLayoutDecode() {
        Document entry = new Document("_id", "dir:D").append("at", "k1").append("symbol", "22-TB")
                .append("subject", "Triển khai").append("kind", "NOTICE").append("issuer", "VPTW")
                .append("issuerName", null).append("issuedOn", "2026-03-20").append("status", "ACTIVE")
                .append("tokens", List.of("22", "tb")).append("indexedOn", "2026-03-20").append("seq", 0L)
                .append("aliases", List.of("22-TB/VPTW"));
        Document body = new Document("_id", "VPTW").append("directives", List.of("D")).append("directivesAt",
                List.of("k1")).append("name", "Văn phòng").append("seq", 2L);

        SearchEntry e = SearchEntry.FORM.read(entry);
        SearchBody b = SearchBody.FORM.read(body);

        assertThat(e).isEqualTo(new SearchEntry("D", 0, "k1", "22-TB", "Triển khai", "NOTICE", "VPTW", null,
                "2026-03-20", "ACTIVE", List.of("22-TB/VPTW"), List.of("22", "tb"), "2026-03-20"));
        assertThat(b).isEqualTo(new SearchBody("VPTW", 2, "Văn phòng", List.of("D"), List.of("k1")));
        assertThat(b.issued("D", "k0")).as("an earlier key moves it").isNotNull();
        assertThat(b.issued("D", "k2")).as("listed already, earlier").isNull();
    }
}
