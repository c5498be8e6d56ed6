package vn.ledger.core.task;

import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

public record TaskUrged(String taskId, String directiveId, String message, LocalDate urgedOn,
                        Actor actor) implements TaskEvent {
}
