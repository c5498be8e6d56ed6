package vn.ledger.core.task;

import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Deadline;

import java.time.LocalDate;

/** A refusal is recorded (inspectors must see that an extension was asked and denied). */
public record ExtensionRefused(String taskId, String directiveId, String requestId, Deadline requestedDeadline,
                               String reason, LocalDate refusedOn, Actor actor) implements TaskEvent {
}
