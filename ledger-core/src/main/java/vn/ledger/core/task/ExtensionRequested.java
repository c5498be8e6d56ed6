package vn.ledger.core.task;

import vn.ledger.core.shared.Actor;
import vn.ledger.core.shared.Deadline;

import java.time.LocalDate;

/** requestId = taskId + "#ext" + n, n counting the task's requests from 1. */
public record ExtensionRequested(String taskId, String directiveId, String requestId, Deadline currentDeadline,
                                 Deadline requestedDeadline, String reason, LocalDate requestedOn,
                                 Actor actor) implements TaskEvent {
}
