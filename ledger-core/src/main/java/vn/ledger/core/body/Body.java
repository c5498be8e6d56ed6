package vn.ledger.core.body;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.ledger.core.shared.BodyDirectory;
import vn.ledger.core.shared.BusinessCalendar;
import vn.ledger.core.shared.DomainRuleViolation;
import vn.ledger.core.shared.Text;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An organisation in the hierarchy (Central Office, ministry, provincial committee, commune, unit), identified
 * by its code. Event sourced; registered by the application, no Spring here.
 */
public class Body {

    @AggregateIdentifier
    private String code;
    private String name;
    private boolean closed;

    /** For Axon, to rebuild from events. */
    protected Body() {
    }

    @CommandHandler
    public Body(RegisterBody cmd, BodyDirectory bodies) {
        Text.require("code", "body.code.required", cmd.code());
        Text.require("name", "body.name.required", cmd.name());
        if (cmd.level() == null) {
            throw new DomainRuleViolation("level", "body.level.required", "The level of the body is required");
        }
        // The directory is a projection and may lag; the event store's uniqueness of the stream is the final guard.
        if (bodies.exists(cmd.code())) {
            throw new DomainRuleViolation("code", "body.code.taken", "A body with code " + cmd.code() + " exists");
        }
        if (cmd.parentCode() != null) {
            if (!bodies.exists(cmd.parentCode())) {
                throw new DomainRuleViolation("parentCode", "body.parent.not-found",
                        "No body with code " + cmd.parentCode());
            }
            if (!bodies.isActive(cmd.parentCode())) {
                throw new DomainRuleViolation("parentCode", "body.parent.closed",
                        "Body " + cmd.parentCode() + " is closed; nothing can be registered under it");
            }
        }
        apply(new BodyRegistered(cmd.code(), cmd.name().strip(), cmd.parentCode(), cmd.level(),
                BusinessCalendar.orToday(cmd.effectiveDate()), cmd.actor()));
    }

    @CommandHandler
    public void handle(RenameBody cmd) {
        requireOpen();
        Text.require("newName", "body.name.required", cmd.newName());
        String newName = cmd.newName().strip();
        if (newName.equals(name)) {
            return; // same name: nothing changed, nothing to record
        }
        apply(new BodyRenamed(code, name, newName, BusinessCalendar.orToday(cmd.effectiveDate()), cmd.actor()));
    }

    @CommandHandler
    public void handle(CloseBody cmd) {
        requireOpen();
        Text.require("reason", "body.reason.required", cmd.reason());
        apply(new BodyClosed(code, cmd.reason(), BusinessCalendar.orToday(cmd.effectiveDate()), cmd.actor()));
    }

    @CommandHandler
    public void handle(MergeBody cmd, BodyDirectory bodies) {
        requireOpen();
        Text.require("intoCode", "body.merge-target.required", cmd.intoCode());
        if (cmd.intoCode().equals(code)) {
            throw new DomainRuleViolation("intoCode", "body.merge.self", "A body cannot be merged into itself");
        }
        if (!bodies.exists(cmd.intoCode())) {
            throw new DomainRuleViolation("intoCode", "body.merge-target.not-found", "No body with code " + cmd.intoCode());
        }
        if (!bodies.isActive(cmd.intoCode())) {
            throw new DomainRuleViolation("intoCode", "body.merge-target.closed",
                    "Body " + cmd.intoCode() + " is closed and cannot receive a merger");
        }
        apply(new BodyMerged(code, cmd.intoCode(), BusinessCalendar.orToday(cmd.effectiveDate()), cmd.actor()));
    }

    @EventSourcingHandler
    void on(BodyRegistered e) {
        code = e.code();
        name = e.name();
    }

    @EventSourcingHandler
    void on(BodyRenamed e) {
        name = e.newName();
    }

    @EventSourcingHandler
    void on(BodyClosed e) {
        closed = true;
    }

    @EventSourcingHandler
    void on(BodyMerged e) {
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw new DomainRuleViolation("code", "body.closed", "Body " + code + " is closed; nothing more happens to it");
        }
    }
}
