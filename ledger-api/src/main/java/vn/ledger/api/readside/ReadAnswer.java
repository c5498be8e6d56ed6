package vn.ledger.api.readside;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * A read-side answer: what it is (data), for which instant, and where it came from.
 *
 * @param at          the instant answered for, in Asia/Ho_Chi_Minh with offset: now by the ledger's clock, or the
 *                    {@code asOf} asked for
 * @param atUtc       the same instant in UTC
 * @param source      {@code read-model}: today's read models (generations listed); {@code events}: computed from
 *                    the events recorded up to {@code at} ({@code replay} says how many)
 * @param generations the generation of each read model that answered (read-model answers)
 * @param replay      the cost of an as-of answer
 * @param data        the view; every instant in it is written twice: {@code x} in Asia/Ho_Chi_Minh with offset, and
 *                    {@code xUtc}; every body code beside its name ({@link NamedBodies})
 * @param bodyNames   how the names of body codes are found (not written; null: none added)
 */
@Schema(description = "A read-side answer: the view (data), the instant it is for, and its source")
public record ReadAnswer<T>(
        @Schema(example = "2026-04-10T10:00:00+07:00") String at,
        @Schema(example = "2026-04-10T03:00:00Z") String atUtc,
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
     * @param eventsApplied    of which recorded at or before {@code at}, replayed into fresh projections in memory
     */
    public record Replay(int aggregatesLoaded, int eventsRead, int eventsApplied) {
    }

    static <T> ReadAnswer<T> live(Instant at, Map<String, Long> generations, T data,
                                  Function<Collection<String>, Map<String, String>> bodyNames) {
        return new ReadAnswer<>(VietnamTimes.local(at), VietnamTimes.utc(at), READ_MODEL, generations, null, data,
                bodyNames);
    }

    static <T> ReadAnswer<T> replayed(Instant at, Replay replay, T data,
                                      Function<Collection<String>, Map<String, String>> bodyNames) {
        return new ReadAnswer<>(VietnamTimes.local(at), VietnamTimes.utc(at), EVENTS, null, replay, data, bodyNames);
    }
}
