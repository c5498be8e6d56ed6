package vn.ledger.api.readside;

/** Texts shared by the read endpoints' OpenAPI descriptions. */
public final class ApiDocs {

    public static final String AS_OF = "Answer as things stood at this instant, computed from the events recorded up "
            + "to it (not from today's read model): an ISO instant (2026-04-01T03:00:00Z), a date-time with offset "
            + "(2026-04-01T10:00:00+07:00), a local date-time in Asia/Ho_Chi_Minh (2026-04-01T10:00) or a day "
            + "(2026-04-01 or 1/4/2026: the end of that day). Left out: now, from the read model.";

    public static final String ANSWER = "The answer's `data` is the view; `at` is the instant answered for "
            + "(Asia/Ho_Chi_Minh with offset, and `atUtc`), `source` is `read-model` or `events` (as of), and every "
            + "instant in the view is written twice: `x` in Asia/Ho_Chi_Minh with offset and `xUtc` in UTC; every body "
            + "code has its name beside it (`issuingBodyCode` → `issuingBodyName`, `leadBodies` → `leadBodyNames`, "
            + "`body`, `issuer` → `bodyName`, `issuerName`; null for an unknown code), the name in force on the day "
            + "of `at`.";

    private ApiDocs() {
    }
}
