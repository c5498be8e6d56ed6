package vn.ledger.archive;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.ledger.eventstore.CanonicalJson;
import vn.ledger.eventstore.CommitLog;
import vn.ledger.eventstore.StoredCommit;
import vn.ledger.eventstore.StoredEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Iterator;
import java.util.Set;

/**
 * Decides, commit by commit in log order, which commits an export holds. A commit is one leaf of the tree, so it is
 * taken whole; the aggregates the export is about are {@link #member members}, the others in a taken commit ride along.
 */
abstract class Selection implements AutoCloseable {

    private static final ObjectMapper JSON = CanonicalJson.mapper();

    static Selection of(ExportScope scope) {
        if (scope instanceof ExportScope.Cascade c) {
            return new Cascade(c.directiveId());
        }
        if (scope instanceof ExportScope.BodyRecords b) {
            return new InRange(b.from(), b.to(), b.bodyCode());
        }
        ExportScope.TimeRange t = (ExportScope.TimeRange) scope;
        return new InRange(t.from(), t.to(), null);
    }

    /**
     * Reads what the selection must know before the export pass (the body's aggregates, kept in an on-disk set in
     * {@code tempDir}); may read nothing.
     */
    void prepare(CommitLog log, long to, java.nio.file.Path tempDir) throws IOException {
    }

    /** Deletes what {@link #prepare} kept on disk. */
    @Override
    public void close() throws IOException {
    }

    /** Whether the commit belongs in the export; called once per commit, in log order. */
    abstract boolean take(StoredCommit commit);

    /**
     * Whether, in a taken commit, the event's aggregate is one the export is about (its events are counted and must
     * be contiguous).
     */
    abstract boolean member(StoredEvent event);

    /** Where the export pass may start (a time range need not read the log before its start to select). */
    long firstPosition(CommitLog log) {
        return 1;
    }

    /**
     * The document an event is filed under: a directive's own id, the directive a task's id starts with (a task is
     * {@code directiveId/code}, a delegated one {@code parentTaskId.n}); null for other aggregates.
     */
    static String documentOf(StoredEvent event) {
        if ("Directive".equals(event.aggregateType())) {
            return event.aggregateId();
        }
        if ("Task".equals(event.aggregateType())) {
            int slash = event.aggregateId().indexOf('/');
            return slash < 0 ? event.aggregateId() : event.aggregateId().substring(0, slash);
        }
        return null;
    }

    static boolean is(StoredEvent event, String simpleType) {
        String type = event.payloadType();
        return type != null && type.endsWith("." + simpleType);
    }

    static JsonNode payload(StoredEvent event) {
        try {
            return JSON.readTree(event.payloadJson());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable payload of event " + event.eventId(), e);
        }
    }

    /**
     * The ids of the directives a DirectiveIssued implements, as {@code payload(event).path("implementsDirectives")}
     * lists them ({@code path("directiveId").asText()} of each), read by streaming over the payload; a payload unlike
     * the application's (ids not strings, the list not an array) is read as that tree.
     */
    static List<String> cited(StoredEvent event) {
        List<String> ids = new ArrayList<>(2);
        try (JsonParser p = JSON.getFactory().createParser(event.payloadJson())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return citedInTree(event);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean list = "implementsDirectives".equals(p.currentName());
                JsonToken value = p.nextToken();
                if (!list) {
                    p.skipChildren();
                    continue;
                }
                ids.clear(); // the last of a repeated field, as the tree keeps it
                if (value == JsonToken.START_OBJECT) {
                    return citedInTree(event);
                }
                if (value != JsonToken.START_ARRAY) {
                    continue;
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        ids.add("");
                        continue;
                    }
                    String id = "";
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        boolean named = "directiveId".equals(p.currentName());
                        JsonToken v = p.nextToken();
                        if (named && v != JsonToken.VALUE_STRING) {
                            return citedInTree(event);
                        }
                        if (named) {
                            id = p.getText();
                        } else {
                            p.skipChildren();
                        }
                    }
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable payload of event " + event.eventId(), e);
        }
        return ids;
    }

    /**
     * Two top-level fields of the payload as {@code payload(event).path(name).asText()} gives them, read by streaming;
     * a value other than a string or absent (a number, null, an object) is read from the tree.
     */
    static String[] texts(StoredEvent event, String first, String second) {
        String[] out = {"", ""};
        try (JsonParser p = JSON.getFactory().createParser(event.payloadJson())) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int which = name.equals(first) ? 0 : name.equals(second) ? 1 : -1;
                    JsonToken value = p.nextToken();
                    if (which < 0) {
                        p.skipChildren();
                    } else if (value == JsonToken.VALUE_STRING) {
                        out[which] = p.getText();
                    } else {
                        JsonNode tree = payload(event);
                        return new String[] {tree.path(first).asText(), tree.path(second).asText()};
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable payload of event " + event.eventId(), e);
        }
        return out;
    }

    private static List<String> citedInTree(StoredEvent event) {
        List<String> ids = new ArrayList<>();
        for (JsonNode cited : payload(event).path("implementsDirectives")) {
            ids.add(cited.path("directiveId").asText());
        }
        return ids;
    }

    /**
     * A directive, then every directive citing a member directive, their tasks and the tasks delegated from them.
     * Only directives are remembered: a task belongs to the directive its id starts with, and a delegated task keeps
     * its parent's directive, so the set grows with the documents, not with the tasks.
     */
    static final class Cascade extends Selection {
        private final Set<String> directives = new HashSet<>();

        Cascade(String root) {
            directives.add(root);
        }

        @Override
        boolean take(StoredCommit commit) {
            boolean take = false;
            for (StoredEvent event : commit.events()) {
                if ("Directive".equals(event.aggregateType()) && !directives.contains(event.aggregateId())
                        && is(event, "DirectiveIssued")) {
                    for (String cited : cited(event)) {
                        if (directives.contains(cited)) {
                            directives.add(event.aggregateId());
                            break;
                        }
                    }
                }
                take |= member(event);
            }
            return take;
        }

        @Override
        boolean member(StoredEvent event) {
            String doc = documentOf(event);
            return doc != null && directives.contains(doc);
        }
    }

    /**
     * Every commit with an event stamped in [from, to); for a body, only commits of the aggregates the body acted on
     * or is named in during the range (found by a first pass over the range).
     */
    static final class InRange extends Selection {
        private final Instant from;
        private final Instant to;
        private final String body;
        private vn.ledger.archive.spill.DiskMap aggregates;

        InRange(Instant from, Instant to, String body) {
            this.from = from;
            this.to = to;
            this.body = body;
        }

        @Override
        long firstPosition(CommitLog log) {
            return log.firstAtOrAfter(from).orElse(Long.MAX_VALUE);
        }

        @Override
        void prepare(CommitLog log, long last, java.nio.file.Path tempDir) throws IOException {
            if (body == null) {
                return;
            }
            aggregates = vn.ledger.archive.spill.DiskMap.open(tempDir, "body-aggregates", 1);
            long first = firstPosition(log);
            if (first > last) {
                return;
            }
            var set = aggregates.map();
            log.read(first, last, commit -> {
                for (StoredEvent event : commit.events()) {
                    if (inRange(event) && concernsBody(event)) {
                        set.put(event.aggregateId(), "");
                    }
                }
            }, gap -> { });
        }

        @Override
        public void close() throws IOException {
            if (aggregates != null) {
                aggregates.close();
            }
        }

        private boolean inRange(StoredEvent event) {
            return !event.timestamp().isBefore(from) && event.timestamp().isBefore(to);
        }

        private boolean concernsBody(StoredEvent event) {
            return body.equals(event.aggregateId()) || mentions(payload(event), body);
        }

        /** Whether the body's code is a value in the payload: the actor's body, issuer, recipient, lead, cooperating. */
        private static boolean mentions(JsonNode node, String code) {
            if (node.isTextual()) {
                return code.equals(node.asText());
            }
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                if (mentions(it.next(), code)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        boolean take(StoredCommit commit) {
            for (StoredEvent event : commit.events()) {
                if (inRange(event) && member(event)) {
                    return true;
                }
            }
            return false;
        }

        /** Every aggregate of a taken commit for a time range; the body's aggregates for a body's records. */
        @Override
        boolean member(StoredEvent event) {
            return body == null || aggregates.map().containsKey(event.aggregateId());
        }
    }
}
