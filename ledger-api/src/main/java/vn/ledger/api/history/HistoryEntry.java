package vn.ledger.api.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

/** One stored event as the store holds it. */
@Schema(description = "One stored event, in stream order")
public record HistoryEntry(
        @Schema(description = "global position of the commit that stored it") long position,
        @Schema(description = "index of the event inside its commit") int indexInCommit,
        @Schema(description = "sequence number in the aggregate's stream, from 0") long sequence,
        String eventId,
        String aggregateType,
        String aggregateId,
        @Schema(description = "event name, e.g. TaskAssigned") String type,
        @Schema(description = "fully qualified payload type") String payloadType,
        String payloadRevision,
        @Schema(description = "recorded instant in Vietnam's legal time (Asia/Ho_Chi_Minh, ISO-8601 with offset)",
                example = "2026-04-02T09:15:00+07:00") String timestamp,
        @Schema(description = "recorded instant in UTC", example = "2026-04-02T02:15:00Z") String instant,
        @Schema(description = "business date of the act (the payload's date: issuedOn, receivedOn, acknowledgedOn, "
                + "delegatedOn...), beside the recorded instant; null for an event without one", type = "string",
                example = "2026-03-25") String businessDate,
        @Schema(description = "days from the business date to the recorded day in Vietnam (0: the same day; an event "
                + "without a business date counts as recorded that day)", example = "0") Long lateEntryDays,
        @Schema(description = "recorded more than 7 days after its business date: work entered after the fact")
        boolean lateEntry,
        @Schema(description = "the event payload (canonical JSON as stored)") JsonNode payload,
        @Schema(description = "the event metadata (actor correlation, idempotency key...)") JsonNode metaData) {
}
