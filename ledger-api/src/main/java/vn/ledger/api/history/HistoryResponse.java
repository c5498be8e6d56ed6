package vn.ledger.api.history;

import java.util.List;

/** An aggregate's stored events in order. */
public record HistoryResponse(String aggregateId, int count, List<HistoryEntry> events) {
}
