package vn.ledger.api.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.springframework.stereotype.Service;
import vn.ledger.core.shared.Deadline;
import vn.ledger.eventstore.MongoEventStorageEngine;
import vn.ledger.eventstore.StoredEvent;
import vn.ledger.projections.audit.AuditEntry;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads an aggregate's raw stored events, in order, for the history endpoints. */
@Service
public class HistoryService {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final MongoEventStorageEngine engine;
    private final ObjectMapper objectMapper;

    public HistoryService(MongoEventStorageEngine engine, ObjectMapper objectMapper) {
        this.engine = engine;
        this.objectMapper = objectMapper;
    }

    public List<HistoryEntry> history(String aggregateId) {
        return engine.history(aggregateId).stream().map(this::entry).toList();
    }

    /** True when anything is stored under this aggregate id (reads only the stream's first events). */
    public boolean exists(String aggregateId) {
        return engine.readEvents(aggregateId, 0L).hasNext();
    }

    private HistoryEntry entry(StoredEvent e) {
        String simpleType = e.payloadType() == null ? null
                : e.payloadType().substring(e.payloadType().lastIndexOf('.') + 1);
        JsonNode payload = json(e.payloadJson());
        String businessDate = businessDate(payload);
        Long lateDays = AuditEntry.lateDays(e.timestamp(), businessDate == null ? null : LocalDate.parse(businessDate));
        return new HistoryEntry(e.commitPosition(), e.indexInCommit(), e.sequenceNumber(), e.eventId(),
                e.aggregateType(), e.aggregateId(), simpleType, e.payloadType(), e.payloadRevision(),
                e.timestamp().atZone(Deadline.LEGAL_ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                e.timestamp().toString(), businessDate, lateDays, AuditEntry.isLate(lateDays), payload,
                json(e.metaDataJson()));
    }

    /** The payload's business date: its one field named "...On" holding an ISO date (all events name it so). */
    static String businessDate(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().endsWith("On") && field.getValue().isTextual()
                    && ISO_DATE.matcher(field.getValue().asText()).matches()) {
                return field.getValue().asText();
            }
        }
        return null;
    }

    private JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return objectMapper.readTree(text);
        } catch (JsonProcessingException ex) {
            return TextNode.valueOf(text); // not JSON: show it as it is
        }
    }
}
