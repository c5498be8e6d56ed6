package vn.ledger.core.task;

import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Deadline;

import java.time.LocalDate;

public record ExtensionGranted(String taskId, String directiveId, String requestId, Deadline oldDeadline,
                               Deadline newDeadline, LocalDate grantedOn, Actor actor) implements TaskEvent {
}
