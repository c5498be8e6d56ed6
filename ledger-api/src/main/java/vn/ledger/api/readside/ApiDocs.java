package vn.ledger.api.readside;

/** Texts shared by the read endpoints' OpenAPI descriptions. */
public final class ApiDocs {

    public static final String AS_OF = "Axis 1, as recorded: answer with what the ledger said at this instant, "
            + "computed from the events recorded up to it (not from today's read model): an ISO instant "
            + "(2026-04-01T03:00:00Z), a date-time with offset (2026-04-01T10:00:00+07:00), a local date-time in "
            + "Asia/Ho_Chi_Minh (2026-04-01T10:00) or a day (2026-04-01 or 1/4/2026: the end of that day). Work entered "
            + "later is not in it, whatever its business date. Left out: now, from the read model.";

    public static final String ON_DAY = "Axis 2, as happened: the state of affairs on this business day, as known now "
            + "(with asOf: as known at that instant): the events whose business date (issuedOn, receivedOn, "
            + "acknowledgedOn, delegatedOn, reportedOn, completedOn, ...) is on or before it, whenever they were "
            + "entered, replayed in log order; due soon, overdue and stalls are judged at the end of that day in "
            + "Asia/Ho_Chi_Minh. 2026-03-24 or 24/3/2026; not after today (nor after the day of asOf): 400 "
            + "request.on-day.in-future. The answer names both axes (asOf, onDay).";

    public static final String ANSWER = "The answer's `data` is the view; `at` is the instant its clock read "
            + "(Asia/Ho_Chi_Minh with offset, and `atUtc`), `asOf` and `onDay` the time axes asked (null: now, any "
            + "business date), `source` is `read-model` or `events` (asOf or onDay), and every "
            + "instant in the view is written twice: `x` in Asia/Ho_Chi_Minh with offset and `xUtc` in UTC; every body "
            + "code has its name beside it (`issuingBodyCode` → `issuingBodyName`, `leadBodies` → `leadBodyNames`, "
            + "`body`, `issuer` → `bodyName`, `issuerName`; null for an unknown code), the name in force on the day "
            + "of `at`.";

    private ApiDocs() {
    }
}
