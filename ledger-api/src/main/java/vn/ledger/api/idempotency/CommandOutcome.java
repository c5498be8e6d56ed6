package vn.ledger.api.idempotency;

/**
 * An answer decided while dispatching instead of by the controller, e.g. "this command's events are already
 * stored" when the event store refuses a second commit under the same idempotency key. The API's exception
 * handler renders {@link #status()} and {@link #body()} as they are.
 */
public class CommandOutcome extends RuntimeException {

    private final int status;
    private final transient Object body;

    public CommandOutcome(int status, Object body) {
        super(null, null, false, false);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public Object body() {
        return body;
    }
}
