package vn.ledger.core.task;

import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

/** The assigner accepts the declared completion; the task is closed. */
public record CompletionAccepted(String taskId, String directiveId, LocalDate acceptedOn,
                                 Actor actor) implements TaskEvent {
}
