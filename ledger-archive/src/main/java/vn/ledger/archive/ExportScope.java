package vn.ledger.archive;

import java.time.Instant;

/** What an export takes out of the log. */
public sealed interface ExportScope {

    /** A short, file-name-safe description, also the bag's name stem. */
    String slug();

    /** One line for bag-info and the report. */
    String describe();

    /** A directive with its whole downstream cascade: forwarding directives, their tasks, delegations, any depth. */
    record Cascade(String directiveId) implements ExportScope {
        public String slug() {
            return "cascade-" + safe(directiveId);
        }

        public String describe() {
            return "directive " + directiveId + " with its downstream cascade";
        }
    }

    /**
     * The records of one body over [from, to): every aggregate the body acted on or is named in (issuer,
     * recipient, lead, cooperating, the body itself) during the range, with all its events of the range.
     */
    record BodyRecords(String bodyCode, Instant from, Instant to) implements ExportScope {
        public String slug() {
            return "body-" + safe(bodyCode) + "-" + day(from) + "-" + day(to);
        }

        public String describe() {
            return "records of body " + bodyCode + " recorded from " + from + " to before " + to;
        }
    }

    /** Every event recorded in [from, to) (by the event's own instant), in whole commits. */
    record TimeRange(Instant from, Instant to) implements ExportScope {
        public String slug() {
            return "events-" + day(from) + "-" + day(to);
        }

        public String describe() {
            return "every event recorded from " + from + " to before " + to;
        }
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String day(Instant i) {
        return i.toString().substring(0, 10);
    }
}
