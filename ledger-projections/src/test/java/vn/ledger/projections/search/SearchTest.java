package vn.ledger.projections.search;

import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ledger.core.body.BodyLevel;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.body.BodyRenamed;
import vn.ledger.core.directive.DirectiveAliasRegistered;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveField;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.DirectiveKind;
import vn.ledger.core.directive.DirectiveRecalled;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.projections.fixture.CountingReadStore;
import vn.ledger.projections.fixture.EventFeed;
import vn.ledger.projections.fixture.Seed;
import vn.ledger.projections.store.InMemoryReadStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ledger.projections.fixture.Seed.A;
import static vn.ledger.projections.fixture.Seed.B;
import static vn.ledger.projections.fixture.Seed.C;

@DisplayName("Search: symbol, subject and issuer, with and without diacritics")
class SearchTest {

    private static final String E = "dir-15-KH";
    private static final String F = "dir-typed-plain";

    private final InMemoryReadStore store = new InMemoryReadStore();
    private final EventFeed feed = new EventFeed(new SearchProjection(store)).ticking();
    private final SearchQueries search = new SearchQueries(store);

    /** E mentions 22, TB and VPTW as separate words; F was typed without diacritics. */
    private void seed() {
        feed.send(Seed.bodies().toArray());
        feed.send(Seed.issuedA(), Seed.issuedB(), Seed.issuedC());
        feed.send(directive(E, "15-KH/BKHCN", Seed.BKHCN, LocalDate.of(2026, 4, 10),
                        "Kế hoạch thực hiện Thông báo 22 (TB của VPTW) về công nghệ chiến lược"),
                directive(F, "07-KH/BGDDT", Seed.BGDDT, LocalDate.of(2026, 4, 15),
                        "Ke hoach trien khai chuong trinh dao tao chat luong cao"));
    }

    private static DirectiveIssued directive(String id, String symbol, String issuer, LocalDate on, String subject) {
        return new DirectiveIssued(id, symbol, DirectiveKind.KE_HOACH, issuer, null, on, subject, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), Seed.staffOf(issuer));
    }

    private List<String> ids(String query) {
        return search.search(query, 20).hits().stream().map(SearchQueries.SearchHit::directiveId).toList();
    }

    @Test
    void textWithoutDiacriticsFindsTextWithThemAndTheOtherWayRound() {
        seed();
        // B and C say "triển khai"; F was typed "trien khai"; newest first
        assertThat(ids("trien khai")).containsExactly(F, C, B);
        assertThat(ids("triển khai")).containsExactly(F, C, B);
        assertThat(ids("TRIỂN KHAI")).containsExactly(F, C, B);
        assertThat(ids("đào tạo chất lượng cao")).containsExactly(F);
        // NFD input (combining marks typed separately) folds alike
        assertThat(ids(java.text.Normalizer.normalize("triển khai", java.text.Normalizer.Form.NFD)))
                .containsExactly(F, C, B);
    }

    @Test
    void dFoldsToDInSymbolsSubjectsAndIssuerNames() {
        seed();
        assertThat(ids("506-CV/ĐU")).containsExactly(C);
        assertThat(ids("506-cv/du")).containsExactly(C);
        // issuer names: "Tỉnh ủy Điện Biên" issued B, "Đảng ủy xã Sính Bình" issued C
        assertThat(ids("dien bien")).containsExactly(B);
        assertThat(ids("Điện Biên")).containsExactly(B);
        assertThat(ids("dang uy xa sinh binh")).containsExactly(C);
        SearchQueries.SearchHit hit = search.search("Sính Bình", 5).hits().get(0);
        assertThat(hit.issuerName()).isEqualTo("Đảng ủy xã Sính Bình");
        assertThat(hit.symbol()).isEqualTo("506-CV/ĐU");
        assertThat(hit.issuedOn()).isEqualTo(LocalDate.of(2026, 3, 25));
        assertThat(hit.status()).isEqualTo(DirectiveStatus.ACTIVE);
    }

    @Test
    void symbolsMatchWholeInAnyCaseAndByTheirPartsAndRankByMatchedTokensThenDate() {
        seed();
        // before the alias is registered, A's own symbol does not contain VPTW
        assertThat(ids("22-TB/VPTW")).containsExactly(C, B, E);
        feed.send(new DirectiveAliasRegistered(A, "22-TB/VPTW", LocalDate.of(2026, 3, 24), Seed.PHAM_GIA_TUC));

        // whole symbol (4 tokens: 22-tb/vptw, 22, tb, vptw) ranks before a match by parts only (E: 3 tokens),
        // although E is the newest; among equals, newest first
        SearchQueries.SearchResult r = search.search("22-TB/VPTW", 20);
        assertThat(r.hits()).extracting(SearchQueries.SearchHit::directiveId).containsExactly(C, B, A, E);
        assertThat(r.hits()).extracting(SearchQueries.SearchHit::matchedTokens).containsExactly(4, 4, 4, 3);
        assertThat(r.allWordsMatched()).isTrue();
        assertThat(ids("22-tb/vptw")).containsExactly(C, B, A, E);
        assertThat(ids("22-tb/cqttbcđ")).containsExactly(A);
        assertThat(ids("CQTTBCD")).containsExactly(A);
        assertThat(ids("569")).containsExactly(B);
        assertThat(ids("569-CV/TU")).containsExactly(B);
        // "22-TB" is not a token of its own: its parts 22 and TB must both match (2 tokens each: newest first)
        assertThat(ids("22-TB")).containsExactly(E, C, B, A);
        assertThat(search.search("22-TB/VPTW", 2).hits()).hasSize(2);
        assertThat(search.search("22-TB/VPTW", 2).total()).isEqualTo(4);
    }

    @Test
    void whenNoDirectiveHasEveryWordThoseWithSomeAreShownAndFlagged() {
        seed();
        SearchQueries.SearchResult r = search.search("triển khai xyzzy", 20);
        assertThat(r.allWordsMatched()).isFalse();
        // A says "phát triển" only: one token against two
        assertThat(r.hits()).extracting(SearchQueries.SearchHit::directiveId).containsExactly(F, C, B, A);
        assertThat(search.search("xyzzy", 20).hits()).isEmpty();
        assertThat(search.search("  ,, ", 20).hits()).isEmpty();
    }

    @Test
    void correctionsAndRenamesReindex() {
        seed();
        feed.send(new DirectiveCorrected(B, DirectiveField.SUBJECT, Seed.issuedB().subject(),
                        "V/v quán triệt Thông báo số 22-TB/VPTW", "Sai trích yếu", LocalDate.of(2026, 3, 24),
                        Seed.LE_THANH_DO),
                new DirectiveCorrected(B, DirectiveField.SYMBOL, "569-CV/TU", "570-CV/TU", "Sai số",
                        LocalDate.of(2026, 3, 24), Seed.LE_THANH_DO),
                new DirectiveCorrected(C, DirectiveField.ISSUED_ON, "2026-03-25", "2026-03-01", "Sai ngày",
                        LocalDate.of(2026, 3, 26), Seed.HANG_XUAN_THANG));
        assertThat(ids("trien khai")).containsExactly(F, C);
        assertThat(ids("quan triet")).containsExactly(B);
        assertThat(ids("569")).isEmpty();
        assertThat(ids("570-cv/tu")).containsExactly(B);
        // C's corrected date moves it behind B among equal matches
        // B and C hold every token (6); E only the parts of the symbol (5)
        assertThat(ids("thong bao 22-tb/vptw")).containsExactly(B, C, E);

        assertThat(ids("quoc gia")).isEmpty();
        feed.send(new BodyRenamed(Seed.BKHCN, "Bộ Khoa học và Công nghệ", "Bộ KH&CN Quốc gia", LocalDate.of(2026, 4, 20),
                Seed.MOST_OFFICER));
        assertThat(ids("quốc gia")).containsExactly(E);
        assertThat(ids("kh&cn")).containsExactly(E);
        assertThat(search.search("quoc gia", 5).hits().get(0).issuerName()).isEqualTo("Bộ KH&CN Quốc gia");
        // the old name is no longer indexed: only partial matches through subjects remain
        assertThat(search.search("bo khoa hoc va cong nghe", 5).allWordsMatched()).isFalse();
    }

    @Test
    void aDirectiveDeliveredBeforeItsIssuerIsRegisteredIsFoundByTheNameOnceItArrives() {
        DirectiveIssued c = Seed.issuedC();
        feed.send(c);
        assertThat(ids("sinh binh")).isEmpty();
        assertThat(ids("506")).containsExactly(C);
        feed.send(Seed.bodies().toArray());
        assertThat(ids("sinh binh")).containsExactly(C);
        feed.send(new DirectiveRecalled(C, "Nhầm", LocalDate.of(2026, 3, 26), Seed.HANG_XUAN_THANG));
        assertThat(search.search("506", 5).hits().get(0).status()).isEqualTo(DirectiveStatus.RECALLED);
    }

    @Test
    void anEventDeliveredTwiceChangesNothing() {
        seed();
        feed.send(new DirectiveAliasRegistered(A, "22-TB/VPTW", LocalDate.of(2026, 3, 24), Seed.PHAM_GIA_TUC),
                new BodyRenamed(Seed.TU, "Tỉnh ủy Điện Biên", "Tỉnh ủy Điện Biên (mới)", LocalDate.of(2026, 4, 1),
                        Seed.LE_THANH_DO),
                new BodyRegistered("NEW", "Cơ quan mới", null, BodyLevel.UNIT, LocalDate.of(2026, 4, 1), Seed.LE_THANH_DO));
        Map<Object, Document> before = snapshot();
        feed.deliverAll(feed.delivered());
        List<EventMessage<?>> reversed = new ArrayList<>(feed.delivered());
        Collections.reverse(reversed);
        feed.deliverAll(reversed);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aQueryReadsTwiceWhateverItMatches() {
        seed();
        CountingReadStore counting = CountingReadStore.noScans(store);
        new SearchQueries(counting).search("22-TB/VPTW triển khai", 10);
        assertThat(counting.roundTrips).isEqualTo(2);
    }

    @Test
    void tokensKeepSymbolsWholeAndSplitThem() {
        assertThat(SearchText.tokens("V/v triển khai Thông báo số 22-TB/VPTW."))
                .containsExactly("v/v", "v", "trien", "khai", "thong", "bao", "so", "22-tb/vptw", "22", "tb", "vptw");
        assertThat(SearchText.tokens("Đảng ủy")).containsExactly("dang", "uy");
    }

    private Map<Object, Document> snapshot() {
        Map<Object, Document> all = new LinkedHashMap<>();
        for (String c : SearchProjection.COLLECTIONS) {
            all.putAll(store.scan(c).collect(Collectors.toMap(d -> c + ":" + d.get("_id"), d -> d)));
        }
        return all;
    }
}
