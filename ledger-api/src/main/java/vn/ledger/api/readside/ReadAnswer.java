package vn.ledger.api.readside;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.swagger.v3.oas.annotations.media.Schema;
import vn.ledger.projections.asof.Axes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * A read-side answer: what it is (data), on which time axes, and where it came from.
 *
 * @param at          the instant the view's clock read (due soon, overdue, stalls), in Asia/Ho_Chi_Minh with offset:
 *                    now by the ledger's clock, the {@code asOf} asked for, or the end of the {@code onDay} asked for
 * @param atUtc       the same instant in UTC
 * @param asOf        axis 1, the recorded instant answered as of (events recorded at or before it); null: everything
 *                    recorded so far
 * @param asOfUtc     the same instant in UTC
 * @param onDay       axis 2, the business day answered on (events whose business date is on or before it, as known
 *                    at {@code asOf} or now); null: whatever their business date
 * @param source      {@code read-model}: today's read models (generations listed); {@code events}: computed from
 *                    the events on the axes asked ({@code replay} says how many)
 * @param generations the generation of each read model that answered (read-model answers)
 * @param replay      the cost of an answer from the events
 * @param data        the view; every instant in it is written twice: {@code x} in Asia/Ho_Chi_Minh with offset, and
 *                    {@code xUtc}; every body code beside its name ({@link NamedBodies})
 * @param bodyNames   how the names of body codes are found (not written; null: none added)
 */
@Schema(description = "A read-side answer: the view (data), the time axes it answers on (asOf: as recorded at an "
        + "instant; onDay: the state of affairs on a business day), and its source")
public record ReadAnswer<T>(
        @Schema(example = "2026-04-10T10:00:00+07:00") String at,
        @Schema(example = "2026-04-10T03:00:00Z") String atUtc,
        @Schema(description = "as recorded at this instant; null: everything recorded so far",
                example = "2026-04-01T10:00:00+07:00") String asOf,
        @Schema(example = "2026-04-01T03:00:00Z") String asOfUtc,
        @Schema(description = "the state of affairs on this business day; null: not a business-day read",
                example = "2026-03-24") LocalDate onDay,
        @Schema(allowableValues = {"read-model", "events"}) String source,
        Map<String, Long> generations,
        Replay replay,
        @JsonSerialize(using = VietnamTimes.Serializer.class) T data,
        @JsonIgnore @Schema(hidden = true) Function<Collection<String>, Map<String, String>> bodyNames) {

    public static final String READ_MODEL = "read-model";
    public static final String EVENTS = "events";

    /**
     * @param aggregatesLoaded histories loaded from the event store
     * @param eventsRead       events in them
     * @param eventsApplied    of which on the axes asked, replayed into fresh projections in memory
     */
    public record Replay(int aggregatesLoaded, int eventsRead, int eventsApplied) {
    }

    /** From the read models, on {@code axes} when the read model filters on them itself (the audit trail). */
    static <T> ReadAnswer<T> live(Instant at, Axes axes, Map<String, Long> generations, T data,
                                  Function<Collection<String>, Map<String, String>> bodyNames) {
        Instant asOf = axes == null ? null : axes.recordedBy();
        return new ReadAnswer<>(VietnamTimes.local(at), VietnamTimes.utc(at), VietnamTimes.local(asOf),
                VietnamTimes.utc(asOf), axes == null ? null : axes.onDay(), READ_MODEL, generations, null, data,
                bodyNames);
    }

    static <T> ReadAnswer<T> replayed(Axes axes, Replay replay, T data,
                                      Function<Collection<String>, Map<String, String>> bodyNames) {
        Instant at = axes.clock();
        return new ReadAnswer<>(VietnamTimes.local(at), VietnamTimes.utc(at), VietnamTimes.local(axes.recordedBy()),
                VietnamTimes.utc(axes.recordedBy()), axes.onDay(), EVENTS, null, replay, data, bodyNames);
    }
}
