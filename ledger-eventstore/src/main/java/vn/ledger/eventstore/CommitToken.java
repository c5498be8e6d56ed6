package vn.ledger.eventstore;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.eventhandling.GapAwareTrackingToken;

import java.util.Collection;

/**
 * The tracking token of an event read from the log: Axon's gap-aware token over commit positions (what a processor
 * stores and resumes from), plus where the event itself stands in the log ({@link LogPosition}).
 *
 * <p>The token alone cannot say that: a commit that fills a gap is handed out with the highest position seen so far
 * as its index. Read models order what they list by the event's own position, so that live and rebuilt documents are
 * the same whatever order concurrent commits reached them in.
 *
 * <p>Equality is the gap-aware token's (index and gaps): all events of a commit carry equal tokens, so a tracking
 * processor still handles a commit in one batch.
 */
public final class CommitToken extends GapAwareTrackingToken {

    private static final long serialVersionUID = 1L;

    private final long commit;
    private final int offset;

    @JsonCreator
    public CommitToken(@JsonProperty("index") long index, @JsonProperty("gaps") Collection<Long> gaps,
                       @JsonProperty("commit") long commit, @JsonProperty("offset") int offset) {
        super(index, gaps);
        this.commit = commit;
        this.offset = offset;
    }

    /** The token {@code tracking} handed out for the event at {@code offset} in the commit at {@code commit}. */
    public static CommitToken of(GapAwareTrackingToken tracking, long commit, int offset) {
        return new CommitToken(tracking.getIndex(), tracking.getGaps(), commit, offset);
    }

    public long getCommit() {
        return commit;
    }

    public int getOffset() {
        return offset;
    }

    public LogPosition logPosition() {
        return new LogPosition(commit, offset);
    }

    @Override
    public String toString() {
        return "CommitToken{index=" + getIndex() + ", gaps=" + getGaps() + ", commit=" + commit + ", offset=" + offset
                + '}';
    }
}
