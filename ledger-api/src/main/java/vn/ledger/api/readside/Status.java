package vn.ledger.api.readside;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The read models, their generations and the progress of rebuilds. */
@Schema(description = "Read models: active generation and rebuild progress per model")
public record Status(@Schema(description = "head of the event stream: the last commit position") long head,
                     List<Model> models) {

    /**
     * @param active  the generation answering the queries
     * @param rebuild a rebuild in progress (BUILDING) or caught up and waiting for activation (READY); null when none
     */
    public record Model(String name, List<String> collections, Generation active, Generation rebuild,
                        LastRebuild lastRebuild) {
    }

    /**
     * @param state    BUILDING, READY, ACTIVE (or RETIRED)
     * @param position last commit position processed (-1 before the first)
     * @param lag      commits between the position and the head
     * @param mode     WRITE_BEHIND while catching up (one flush per batch), DIRECT once caught up
     * @param events   events handled by this generation's processor since it started (in this process)
     * @param error    the processor's error while it retries a failed batch, else null
     */
    public record Generation(long generation, String state, String prefix, String processor, long position,
                             long head, long lag, boolean caughtUp, String mode, long events, Instant startedAt,
                             Instant caughtUpAt, Instant activatedAt, String error, long failedBatches,
                             String lastFailure, Progress progress) {
    }

    /**
     * @param percent         processed position / head position × 100
     * @param eventsPerSecond events handled per second since the rebuild started
     * @param etaSeconds      remaining positions / average positions per second since the start; null before any
     */
    public record Progress(double percent, Double eventsPerSecond, Long etaSeconds, long elapsedSeconds) {
    }

    /** The last rebuild that was switched to: which generation it replaced, when, after how many events. */
    public record LastRebuild(long generation, long replaced, Instant startedAt, Instant caughtUpAt,
                              Instant activatedAt, long events, long position) {
    }
}
