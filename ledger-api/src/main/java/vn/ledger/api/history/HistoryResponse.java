package vn.ledger.api.history;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * An aggregate's stored events in order.
 *
 * @param bodyNames the current name of every body code the payloads name (the payloads stay as stored)
 */
public record HistoryResponse(String aggregateId, int count, List<HistoryEntry> events,
                              @Schema(description = "current name of each body code the payloads name",
                                      example = "{\"BKHCN\": \"Bộ Khoa học và Công nghệ\"}")
                              Map<String, String> bodyNames) {
}
