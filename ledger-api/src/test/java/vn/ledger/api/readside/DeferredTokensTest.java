package vn.ledger.api.readside;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Deferred tokens: a read model's token is written at most once per interval, and only lags")
class DeferredTokensTest {

    private static final String P = "rm-audit-g1";
    private static final long SECOND = 1_000_000_000L;

    /** Counts the token writes that reach the store. */
    private static final class Counting extends InMemoryTokenStore {
        int stores;
        int extensions;

        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) {
            stores++;
            super.storeToken(token, processorName, segment);
        }

        @Override
        public void extendClaim(String processorName, int segment) {
            extensions++;
            super.extendClaim(processorName, segment);
        }
    }

    private final Counting store = new Counting();
    private final AtomicLong now = new AtomicLong(5 * SECOND);
    private final DeferredTokens tokens = new DeferredTokens(store, Duration.ofSeconds(1), now::get);

    private static TrackingToken at(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    private long stored() {
        return ((GlobalSequenceTrackingToken) store.fetchToken(P, 0)).getGlobalIndex();
    }

    @Test
    void givenBatchesWithinOneInterval_thenTheFirstTokenIsWrittenAndTheLatestWaits() {
        tokens.initializeTokenSegments(P, 1);
        tokens.fetchToken(P, 0);
        tokens.storeToken(at(0), P, 0);
        now.addAndGet(SECOND / 50);

        for (long batch = 1; batch <= 20; batch++) {
            tokens.extendClaim(P, 0); // as the processor does at the start of a batch
            tokens.storeToken(at(batch), P, 0);
            now.addAndGet(SECOND / 50);
        }

        assertThat(store.stores + store.extensions).as("writes for 20 more batches within the interval").isEqualTo(1);
        assertThat(stored()).as("the store lags: a crash now hands batches 1-20 out again").isZero();
    }

    @Test
    void afterTheInterval_theWaitingTokenIsWrittenByTheNextBatchOrTheIdleClaimExtension() {
        tokens.initializeTokenSegments(P, 1);
        tokens.fetchToken(P, 0);
        tokens.storeToken(at(1), P, 0);
        tokens.storeToken(at(2), P, 0);

        now.addAndGet(SECOND);
        tokens.extendClaim(P, 0);

        assertThat(stored()).isEqualTo(2);
        assertThat(store.extensions).as("the token's write extended the claim").isZero();
    }

    @Test
    void aStopOrAFreshFetchWritesTheWaitingTokenFirst() {
        tokens.initializeTokenSegments(P, 1);
        tokens.fetchToken(P, 0);
        tokens.storeToken(at(1), P, 0);
        tokens.storeToken(at(7), P, 0);

        tokens.releaseClaim(P, 0);
        assertThat(stored()).isEqualTo(7);

        tokens.storeToken(at(9), P, 0); // claimed again by the store's fetch above
        tokens.storeToken(at(11), P, 0);
        assertThat(((GlobalSequenceTrackingToken) tokens.fetchToken(P, 0)).getGlobalIndex()).isEqualTo(11);
    }
}
