package vn.ledger.core.task;

import vn.ledger.core.shared.Actor;

import java.time.LocalDate;

public record TaskCancelled(String taskId, String directiveId, String reason, LocalDate cancelledOn,
                            Actor actor) implements TaskEvent {
}
