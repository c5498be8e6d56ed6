package vn.ledger.projections.search;

import org.bson.Document;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.projections.store.Docs;
import vn.ledger.projections.store.StoredForm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the search index holds for one directive ({@code _id} {@code "dir:" + id}): what is searched (symbol, aliases,
 * subject, issuer's name), what a hit shows, and the {@code tokens} it is indexed under now, from which a change is
 * diffed. Its own events change it purely ({@code apply}); the token lists are {@link TokenPostings}.
 *
 * @param seq       the last applied sequence number of the directive's stream; -1 for none
 * @param at        the log key of its issue ({@code LogOrder}): its place in every token's list
 * @param issuedOn  the issue date as stored (ISO), as a correction may give it
 * @param indexedOn the issue date its token lists carry
 */
public record SearchEntry(String directiveId, long seq, String at, String symbol, String subject, String kind,
                          String issuer, String issuerName, String issuedOn, String status, List<String> aliases,
                          List<String> tokens, String indexedOn) {

    /**
     * A document with named fields in this order, absent values left out: {@code _id}, {@code seq}, {@code at},
     * {@code symbol}, {@code subject}, {@code kind}, {@code issuer}, {@code issuerName}, {@code issuedOn},
     * {@code status}, {@code aliases}, {@code tokens}, {@code indexedOn}. The previous layout (the same names in the
     * order its events came) reads the same.
     */
    public static final StoredForm<SearchEntry> FORM = StoredForm.document(SearchEntry::write, SearchEntry::read,
            null);

    public SearchEntry {
        aliases = List.copyOf(aliases);
        tokens = List.copyOf(tokens);
    }

    static SearchEntry none(String directiveId) {
        return new SearchEntry(directiveId, -1, null, null, null, null, null, null, null, null, List.of(), List.of(),
                null);
    }

    boolean hasSeen(long sequence) {
        return sequence <= seq;
    }

    SearchEntry seen(long sequence) {
        return new SearchEntry(directiveId, sequence, at, symbol, subject, kind, issuer, issuerName, issuedOn, status,
                aliases, tokens, indexedOn);
    }

    /** Issued at log key {@code key} by a body named {@code issuerName} (null while unknown). */
    SearchEntry apply(DirectiveIssued e, String key, String issuerName, String status) {
        return new SearchEntry(directiveId, seq, key, e.symbol(), e.subject(), Docs.name(e.kind()),
                e.issuingBodyCode(), issuerName, Docs.iso(e.issuedOn()), status, aliases, tokens, indexedOn);
    }

    /** Corrected: the symbol, subject, issue date or kind (the signer is not searched: unchanged). */
    SearchEntry apply(DirectiveCorrected e) {
        String v = e.newValue();
        return switch (e.field()) {
            case SYMBOL -> new SearchEntry(directiveId, seq, at, v, subject, kind, issuer, issuerName, issuedOn,
                    status, aliases, tokens, indexedOn);
            case SUBJECT -> new SearchEntry(directiveId, seq, at, symbol, v, kind, issuer, issuerName, issuedOn,
                    status, aliases, tokens, indexedOn);
            case ISSUED_ON -> new SearchEntry(directiveId, seq, at, symbol, subject, kind, issuer, issuerName, v,
                    status, aliases, tokens, indexedOn);
            case KIND -> new SearchEntry(directiveId, seq, at, symbol, subject, v, issuer, issuerName, issuedOn,
                    status, aliases, tokens, indexedOn);
            default -> this;
        };
    }

    SearchEntry withAlias(String alias) {
        if (alias == null || aliases.contains(alias)) {
            return this;
        }
        List<String> more = new ArrayList<>(aliases);
        more.add(alias);
        return new SearchEntry(directiveId, seq, at, symbol, subject, kind, issuer, issuerName, issuedOn, status,
                more, tokens, indexedOn);
    }

    SearchEntry withStatus(String newStatus) {
        return new SearchEntry(directiveId, seq, at, symbol, subject, kind, issuer, issuerName, issuedOn, newStatus,
                aliases, tokens, indexedOn);
    }

    SearchEntry withIssuerName(String name) {
        return new SearchEntry(directiveId, seq, at, symbol, subject, kind, issuer, name, issuedOn, status, aliases,
                tokens, indexedOn);
    }

    /** The tokens it is found under: its symbol, aliases, subject and issuer's name. */
    Set<String> searchTokens() {
        Set<String> out = new LinkedHashSet<>(SearchText.tokens(symbol));
        for (String alias : aliases) {
            out.addAll(SearchText.tokens(alias));
        }
        out.addAll(SearchText.tokens(subject));
        out.addAll(SearchText.tokens(issuerName));
        return out;
    }

    /** Indexed under {@code now}, with its issue date. */
    SearchEntry indexed(Set<String> now) {
        return new SearchEntry(directiveId, seq, at, symbol, subject, kind, issuer, issuerName, issuedOn, status,
                aliases, new ArrayList<>(now), issuedOn);
    }

    private static Document write(SearchEntry s) {
        Document d = new Document("_id", SearchProjection.DIRECTIVE + s.directiveId);
        if (s.seq >= 0) {
            d.append("seq", s.seq);
        }
        put(d, "at", s.at);
        put(d, "symbol", s.symbol);
        put(d, "subject", s.subject);
        put(d, "kind", s.kind);
        put(d, "issuer", s.issuer);
        put(d, "issuerName", s.issuerName);
        put(d, "issuedOn", s.issuedOn);
        put(d, "status", s.status);
        if (!s.aliases.isEmpty()) {
            d.append("aliases", s.aliases);
        }
        d.append("tokens", s.tokens);
        put(d, "indexedOn", s.indexedOn);
        return d;
    }

    private static SearchEntry read(Document d) {
        return new SearchEntry(d.getString("_id").substring(SearchProjection.DIRECTIVE.length()),
                Docs.num(d, "seq", -1), Docs.str(d, "at"), Docs.str(d, "symbol"), Docs.str(d, "subject"),
                Docs.str(d, "kind"), Docs.str(d, "issuer"), Docs.str(d, "issuerName"), Docs.str(d, "issuedOn"),
                Docs.str(d, "status"), Docs.strings(d, "aliases"), Docs.strings(d, "tokens"),
                Docs.str(d, "indexedOn"));
    }

    private static void put(Document d, String key, Object value) {
        if (value != null) {
            d.append(key, value);
        }
    }
}
