package vn.ledger.archive.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.ledger.archive.spill.SpilledEvent;
import vn.ledger.core.body.BodyEvent;
import vn.ledger.core.directive.DirectiveAliasRegistered;
import vn.ledger.core.directive.DirectiveCorrected;
import vn.ledger.core.directive.DirectiveEvent;
import vn.ledger.core.directive.DirectiveField;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.core.directive.DirectiveRecalled;
import vn.ledger.core.directive.DirectiveReplaced;
import vn.ledger.core.event.BusinessDates;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.task.CompletionAccepted;
import vn.ledger.core.task.CompletionRejected;
import vn.ledger.core.task.ProgressReported;
import vn.ledger.core.task.TaskAcknowledged;
import vn.ledger.core.task.TaskCancelled;
import vn.ledger.core.task.TaskEvent;
import vn.ledger.core.task.TaskCompleted;
import vn.ledger.core.task.TaskUrged;
import vn.ledger.eventstore.CanonicalJson;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Each stored event of a history read once: the domain event as the facts need it, and the step the report prints
 * (who, business date, detail). The frequent steps of a task or document (receipts, acknowledgements, progress,
 * urging, completion and its answer, cancellation, aliases, corrections, recall, replacement) are read by streaming
 * over the payload's fields once; their attachments and evidence are not read (nothing shown comes from them). The
 * others (issue, assignment, extensions, reassignment, delegation: a few per aggregate, with nested deadlines and
 * lists), and any payload the streaming read finds other than as the application writes it, are decoded by Jackson's
 * databind as before, so that an odd payload reads as it always did.
 */
final class Steps {

    private static final ObjectMapper JSON = CanonicalJson.mapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    /** An event read: the domain event (null: unknown or unreadable) and its step. */
    record Step(Object event, Facts.Happening happening) {
    }

    private Steps() {
    }

    /** Reads the event once by streaming when its type is one of the frequent steps, else as {@link #databound}. */
    static Step read(SpilledEvent e) {
        Function<Fields, Object> build = STREAMED.get(e.payloadType());
        if (build != null) {
            try {
                Object event = build.apply(Fields.read(e.payload()));
                return new Step(event, happening(e, event));
            } catch (Unexpected | IOException odd) {
                // read as databind reads it, whatever that makes of it
            }
        }
        return databound(e);
    }

    /** Decoded by databind (the earlier way). */
    static Step databound(SpilledEvent e) {
        Object event = decode(e);
        return new Step(event, event != null ? happening(e, event) : undecoded(e));
    }

    /** The step of a decoded event: its actor, and its business date as {@link BusinessDates} gives every read. */
    private static Facts.Happening happening(SpilledEvent e, Object event) {
        Actor actor = actorOf(event);
        return happening(e, event, actor == null ? null : actor.fullName(), actor == null ? null : actor.position(),
                actor == null ? null : actor.bodyCode(), BusinessDates.carried(event).orElse(null));
    }

    /**
     * The step of an event this version cannot decode (an unknown type, an unreadable payload): its actor and the
     * first top-level field named like a date ({@code ...On}) that is one, streamed from the payload.
     */
    private static Facts.Happening undecoded(SpilledEvent e) {
        try {
            Fields f = Fields.happeningOnly(e.payload());
            return happening(e, null, f.who, f.position, f.body, f.business);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static Facts.Happening happening(SpilledEvent e, Object event, String who, String position, String body,
                                             LocalDate business) {
        String type = e.payloadType().substring(e.payloadType().lastIndexOf('.') + 1);
        return new Facts.Happening(type, who, position, body, e.timestamp(), business, Labels.detail(event));
    }

    private static Actor actorOf(Object event) {
        if (event instanceof TaskEvent t) {
            return t.actor();
        }
        if (event instanceof DirectiveEvent d) {
            return d.actor();
        }
        return event instanceof BodyEvent b ? b.actor() : null;
    }

    /** The frequent steps, each built from its fields as databind would build it (lists of attachments left empty). */
    private static final Map<String, Function<Fields, Object>> STREAMED = Map.ofEntries(
            Map.entry(DirectiveReceived.class.getName(), f -> new DirectiveReceived(f.text("directiveId"),
                    f.text("bodyCode"), f.date("receivedOn"), f.actor())),
            Map.entry(DirectiveAliasRegistered.class.getName(), f -> new DirectiveAliasRegistered(
                    f.text("directiveId"), f.text("alias"), f.date("registeredOn"), f.actor())),
            Map.entry(DirectiveCorrected.class.getName(), f -> new DirectiveCorrected(f.text("directiveId"),
                    f.field("field"), f.text("oldValue"), f.text("newValue"), f.text("reason"),
                    f.date("correctedOn"), f.actor())),
            Map.entry(DirectiveRecalled.class.getName(), f -> new DirectiveRecalled(f.text("directiveId"),
                    f.text("reason"), f.date("recalledOn"), f.actor())),
            Map.entry(DirectiveReplaced.class.getName(), f -> new DirectiveReplaced(f.text("directiveId"),
                    f.text("replacementDirectiveId"), f.text("reason"), f.date("replacedOn"), f.actor())),
            Map.entry(TaskAcknowledged.class.getName(), f -> new TaskAcknowledged(f.text("taskId"),
                    f.text("directiveId"), f.text("bodyCode"), f.date("acknowledgedOn"), f.actor())),
            Map.entry(ProgressReported.class.getName(), f -> new ProgressReported(f.text("taskId"),
                    f.text("directiveId"), f.text("bodyCode"), f.text("text"), f.integer("percent"),
                    f.yearMonth("period"), f.date("reportedOn"), null, f.actor())),
            Map.entry(TaskUrged.class.getName(), f -> new TaskUrged(f.text("taskId"), f.text("directiveId"),
                    f.text("message"), f.date("urgedOn"), f.actor())),
            Map.entry(TaskCompleted.class.getName(), f -> new TaskCompleted(f.text("taskId"), f.text("directiveId"),
                    f.text("productDescription"), null, f.date("completedOn"), f.actor())),
            Map.entry(CompletionAccepted.class.getName(), f -> new CompletionAccepted(f.text("taskId"),
                    f.text("directiveId"), f.date("acceptedOn"), f.actor())),
            Map.entry(CompletionRejected.class.getName(), f -> new CompletionRejected(f.text("taskId"),
                    f.text("directiveId"), f.text("reason"), f.date("rejectedOn"), f.actor())),
            Map.entry(TaskCancelled.class.getName(), f -> new TaskCancelled(f.text("taskId"), f.text("directiveId"),
                    f.text("reason"), f.date("cancelledOn"), f.actor())));

    /** A payload the streaming read does not take as the application writes it: databind reads it instead. */
    private static final class Unexpected extends RuntimeException {
        static final Unexpected INSTANCE = new Unexpected();

        private Unexpected() {
            super(null, null, false, false);
        }
    }

    /** A top-level scalar's token and text. */
    private record Value(JsonToken token, String text) {
    }

    /**
     * The payload's top-level scalar fields, its actor, and the step's business date: the first top-level field named
     * like a date ({@code ...On}) whose value is one.
     */
    private static final class Fields {
        private final Map<String, Value> values = new HashMap<>(16);
        private boolean hasActor;
        private boolean actorStructured;
        private String username;
        private String who;
        private String position;
        private String body;
        private LocalDate business;

        static Fields read(byte[] payload) throws IOException {
            return parse(payload, true);
        }

        static Fields happeningOnly(byte[] payload) throws IOException {
            return parse(payload, false);
        }

        private static Fields parse(byte[] payload, boolean keep) throws IOException {
            Fields f = new Fields();
            try (JsonParser p = FACTORY.createParser(payload)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    if (keep) {
                        throw Unexpected.INSTANCE;
                    }
                    return f;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if ("actor".equals(field) && value == JsonToken.START_OBJECT) {
                        f.actor(p);
                    } else if (f.business == null && field.endsWith("On") && value == JsonToken.VALUE_STRING) {
                        f.business = dateOrNull(p.getText());
                        if (keep) {
                            f.values.put(field, new Value(value, p.getText()));
                        }
                    } else if (value.isStructStart()) {
                        p.skipChildren();
                        if (keep) {
                            f.values.put(field, new Value(value, null));
                        }
                    } else if (keep) {
                        f.values.put(field, new Value(value, value == JsonToken.VALUE_NULL ? null : p.getText()));
                    }
                }
            }
            return f;
        }

        private void actor(JsonParser p) throws IOException {
            hasActor = true;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                String text = v == JsonToken.VALUE_NULL || v.isStructStart() ? null : p.getText();
                if (v.isStructStart()) {
                    p.skipChildren();
                    actorStructured = true;
                }
                switch (name) {
                    case "username" -> username = text;
                    case "fullName" -> who = text;
                    case "position" -> position = text;
                    case "bodyCode" -> body = text;
                    default -> { }
                }
            }
        }

        Actor actor() {
            Value v = values.get("actor");
            if (hasActor) {
                if (actorStructured || v != null) {
                    throw Unexpected.INSTANCE; // a nested value in the actor, or a second, unlike actor field
                }
                return new Actor(username, who, position, body);
            }
            if (v == null || v.token() == JsonToken.VALUE_NULL) {
                return null;
            }
            throw Unexpected.INSTANCE;
        }

        String text(String name) {
            Value v = values.get(name);
            if (v == null || v.token() == JsonToken.VALUE_NULL) {
                return null;
            }
            if (v.token().isStructStart()) {
                throw Unexpected.INSTANCE;
            }
            return v.text();
        }

        LocalDate date(String name) {
            Value v = values.get(name);
            if (v == null || v.token() == JsonToken.VALUE_NULL) {
                return null;
            }
            LocalDate d = v.token() == JsonToken.VALUE_STRING ? dateOrNull(v.text()) : null;
            if (d == null) {
                throw Unexpected.INSTANCE;
            }
            return d;
        }

        Integer integer(String name) {
            Value v = values.get(name);
            if (v == null || v.token() == JsonToken.VALUE_NULL) {
                return null;
            }
            String t = v.text();
            if (v.token() != JsonToken.VALUE_NUMBER_INT || t.length() > 9) {
                throw Unexpected.INSTANCE;
            }
            return Integer.valueOf(t);
        }

        YearMonth yearMonth(String name) {
            Value v = values.get(name);
            if (v == null || v.token() == JsonToken.VALUE_NULL) {
                return null;
            }
            String t = v.text();
            if (v.token() != JsonToken.VALUE_STRING || t.length() != 7 || t.charAt(4) != '-' || !digits(t, 0, 4)
                    || !digits(t, 5, 7)) {
                throw Unexpected.INSTANCE;
            }
            int month = Integer.parseInt(t, 5, 7, 10);
            if (month < 1 || month > 12) {
                throw Unexpected.INSTANCE;
            }
            return YearMonth.of(Integer.parseInt(t, 0, 4, 10), month);
        }

        DirectiveField field(String name) {
            String t = text(name);
            if (t == null) {
                return null;
            }
            try {
                return DirectiveField.valueOf(t);
            } catch (IllegalArgumentException unknown) {
                throw Unexpected.INSTANCE;
            }
        }
    }

    /**
     * The date an ISO text names ({@code yyyy-MM-dd}), as {@link LocalDate#parse} reads it; null when it names none.
     * The common form is read by hand, the formatter's parse being most of a step's cost.
     */
    static LocalDate dateOrNull(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-' && digits(s, 0, 4) && digits(s, 5, 7)
                && digits(s, 8, 10)) {
            try {
                return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10),
                        Integer.parseInt(s, 8, 10, 10));
            } catch (DateTimeException notADay) {
                return null;
            }
        }
        try {
            return LocalDate.parse(s);
        } catch (RuntimeException notADate) {
            return null;
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Event classes by stored type name, looked up once each (empty: a type this version does not know). */
    private static final Map<String, Optional<Class<?>>> TYPES = new ConcurrentHashMap<>();

    private static Object decode(SpilledEvent e) {
        Class<?> type = TYPES.computeIfAbsent(e.payloadType(), name -> {
            try {
                return Optional.of(Class.forName(name));
            } catch (ClassNotFoundException unknown) {
                return Optional.empty();
            }
        }).orElse(null);
        if (type == null) {
            return null; // an event type this version does not know: shown by its name, never guessed at
        }
        try {
            return JSON.readValue(e.payload(), type);
        } catch (IOException unreadable) {
            return null;
        }
    }
}
