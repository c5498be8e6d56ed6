package vn.ledger.api.readside;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The read models' token store: a processor's token is written at most once per {@code interval}; in between, the
 * latest one waits in memory and is written by the next call after the interval, before anything that reads or
 * gives up the claim ({@link #fetchToken}, {@link #releaseClaim}, ...). At the head, every batch is a few events, and
 * every batch wrote its token (and extended its claim): under HTTP load with one client, six token writes per
 * command.
 *
 * <p>Safe because a token only ever lags: the documents of a batch are written before its token is handed over, so
 * a crash loses at most an interval of token progress, and the processor handles those events again, which changes
 * nothing (the projections are idempotent per event). The claim is extended at least once per interval, well
 * within Axon's claim timeout. The segments are listed by the processor's launcher thread without a write: a
 * token only goes forward.
 */
final class DeferredTokens implements TokenStore {

    private record Key(String processor, int segment) {
    }

    /** The last write of a segment's token or claim, and the token waiting to be written (null: none). */
    private record State(long writtenAt, TrackingToken waiting) {
    }

    private final TokenStore delegate;
    private final long intervalNanos;
    private final LongSupplier nanos;
    private final Map<Key, State> states = new HashMap<>(); // guarded by this

    DeferredTokens(TokenStore delegate, Duration interval, LongSupplier nanos) {
        this.delegate = delegate;
        this.intervalNanos = interval.toNanos();
        this.nanos = nanos;
    }

    DeferredTokens(TokenStore delegate, Duration interval) {
        this(delegate, interval, System::nanoTime);
    }

    private boolean due(State s, long now) {
        return s == null || now - s.writtenAt() >= intervalNanos;
    }

    @Override
    public synchronized void storeToken(TrackingToken token, String processorName, int segment) {
        Key key = new Key(processorName, segment);
        long now = nanos.getAsLong();
        State s = states.get(key);
        if (due(s, now)) {
            delegate.storeToken(token, processorName, segment);
            states.put(key, new State(now, null));
        } else {
            states.put(key, new State(s.writtenAt(), token));
        }
    }

    @Override
    public synchronized void extendClaim(String processorName, int segment) {
        Key key = new Key(processorName, segment);
        long now = nanos.getAsLong();
        State s = states.get(key);
        if (!due(s, now)) {
            return; // written (and so claimed) less than an interval ago
        }
        if (s != null && s.waiting() != null) {
            delegate.storeToken(s.waiting(), processorName, segment);
        } else {
            delegate.extendClaim(processorName, segment);
        }
        states.put(key, new State(now, null));
    }

    /** Writes the token waiting for this segment, if any. */
    private void writeWaiting(String processorName, int segment) {
        State s = states.remove(new Key(processorName, segment));
        if (s != null && s.waiting() != null) {
            delegate.storeToken(s.waiting(), processorName, segment);
        }
    }

    @Override
    public synchronized TrackingToken fetchToken(String processorName, int segment)
            throws UnableToClaimTokenException {
        writeWaiting(processorName, segment);
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public synchronized TrackingToken fetchToken(String processorName, Segment segment)
            throws UnableToClaimTokenException {
        writeWaiting(processorName, segment.getSegmentId());
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public synchronized void releaseClaim(String processorName, int segment) {
        writeWaiting(processorName, segment);
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public synchronized void deleteToken(String processorName, int segment) {
        states.remove(new Key(processorName, segment));
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
