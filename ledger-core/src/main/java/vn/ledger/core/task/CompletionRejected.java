package vn.ledger.core.task;

import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** The assigner rejects the declared completion; the task is open again. */
public record CompletionRejected(String taskId, String directiveId, String reason, LocalDate rejectedOn,
                                 Actor actor) implements TaskEvent {
}
