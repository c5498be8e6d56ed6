package vn.ledger.api.directive;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import vn.ledger.core.shared.DirectiveStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * One document, one number: an issuer uses a number and symbol once a year. Two guards:
 * <ol>
 *   <li>the catalog's status documents say which directive already prints the number (issuer, year, printed
 *       symbol, kept by {@link DirectiveCatalogProjection} as directives are issued and corrected);</li>
 *   <li>a claim document {@code _id = issuer|year|symbol} in {@value #COLLECTION}, inserted before the directive is
 *       appended. The unique {@code _id} makes the claim atomic: of two documents issued at the same moment under
 *       the same number (neither yet in the catalog), one inserts the claim and the other is refused.</li>
 * </ol>
 * A claim outlives a command that fails after claiming (the event store refusing the append, a crash). A claim
 * whose directive is not in the catalog with that number is therefore stale once it is older than {@link #GRACE},
 * and the next document under the number takes it over (compare-and-set on the holder); younger, it may still be
 * committing, so it holds. A directive whose symbol or date was corrected away leaves its claim stale too.
 */
class DocumentNumbers {

    static final String COLLECTION = "directive_numbers";
    /** Longer than any command takes between the claim and the commit (retries included). */
    static final Duration GRACE = Duration.ofMinutes(1);

    private final MongoCollection<Document> claims;
    private final MongoCollection<Document> status;
    private final DirectiveCatalogProjection catalog;
    /** Real time, not the ledger's clock: a fixed clock would keep a stale claim young forever. */
    private final Clock clock = Clock.systemUTC();

    DocumentNumbers(MongoCollection<Document> claims, MongoCollection<Document> status,
                    DirectiveCatalogProjection catalog) {
        this.claims = claims;
        this.status = status;
        this.catalog = catalog;
    }

    /** @return the directive holding the number, when it is not directiveId nor the one replaced */
    Optional<String> claim(String issuer, int year, String printed, String directiveId, String replacing) {
        Optional<String> known = printer(issuer, year, printed, directiveId, replacing);
        if (known.isPresent()) {
            return known;
        }
        String key = issuer + "|" + year + "|" + printed;
        for (int attempt = 0; attempt < 3; attempt++) {
            Document claim = claims.find(Filters.eq("_id", key)).first();
            if (claim == null) {
                try {
                    claims.insertOne(claimOf(key, directiveId));
                    return Optional.empty();
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue; // another document claimed it meanwhile: look at who
                }
            }
            String holder = claim.getString("directiveId");
            boolean free = holder.equals(directiveId) || holder.equals(replacing)
                    || (!prints(holder, issuer, year, printed) && olderThanGrace(claim));
            if (!free) {
                return Optional.of(holder);
            }
            if (claims.replaceOne(Filters.and(Filters.eq("_id", key), Filters.eq("directiveId", holder)),
                    claimOf(key, directiveId), new ReplaceOptions()).getModifiedCount() == 1
                    || holder.equals(directiveId)) {
                return Optional.empty();
            }
        }
        Document claim = claims.find(Filters.eq("_id", key)).first();
        return Optional.ofNullable(claim == null ? null : claim.getString("directiveId"));
    }

    /**
     * A directive other than these two that the catalog knows as printed under the number; a replaced one holds
     * it too (its replacement may reuse it, nobody else), but the one in force is named first.
     */
    private Optional<String> printer(String issuer, int year, String printed, String directiveId, String replacing) {
        String replaced = null;
        for (Document doc : status.find(Filters.and(Filters.eq("issuer", issuer), Filters.eq("year", year),
                Filters.eq("printed", printed)))) {
            String id = doc.getString("_id");
            if (id.equals(directiveId) || id.equals(replacing)) {
                continue;
            }
            if (!DirectiveStatus.REPLACED.name().equals(doc.getString("status"))) {
                return Optional.of(id);
            }
            replaced = id;
        }
        // a document that replaces the holder in force is not blocked by those it replaced in turn
        return replacing != null ? Optional.empty() : Optional.ofNullable(replaced);
    }

    private boolean prints(String directiveId, String issuer, int year, String printed) {
        if (catalog.statusOf(directiveId) == DirectiveStatus.UNKNOWN) {
            return false; // never committed (or not yet: see GRACE)
        }
        Document doc = status.find(Filters.eq("_id", directiveId)).first();
        return doc != null && issuer.equals(doc.getString("issuer")) && printed.equals(doc.getString("printed"))
                && doc.get("year") instanceof Number n && n.intValue() == year;
    }

    private boolean olderThanGrace(Document claim) {
        Date at = claim.getDate("claimedAt");
        return at == null || at.toInstant().plus(GRACE).isBefore(clock.instant());
    }

    private Document claimOf(String key, String directiveId) {
        return new Document("_id", key).append("directiveId", directiveId)
                .append("claimedAt", Date.from(Instant.now(clock)));
    }
}
