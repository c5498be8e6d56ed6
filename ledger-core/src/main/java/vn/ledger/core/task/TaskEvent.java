package vn.ledger.core.task;

import vn.ledger.core.shared.Actor;

/**
 * Events of the Task aggregate; their names are stored forever. Every one names the directive (the authority
 * under which the task exists), the actor, and a business date.
 */
public sealed interface TaskEvent
        permits TaskAssigned, TaskAcknowledged, ProgressReported, TaskUrged, ExtensionRequested, ExtensionGranted,
        ExtensionRefused, TaskReassigned, TaskCancelled, TaskCompleted, CompletionAccepted, CompletionRejected,
        TaskDelegated {

    String taskId();

    String directiveId();

    Actor actor();
}
