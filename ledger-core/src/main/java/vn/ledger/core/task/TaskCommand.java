package vn.ledger.core.task;

import vn.ledger.core.shared.Actor;

/**
 * Commands on the Task aggregate (id directiveId + "/" + code; a delegated child parentId + "." + n). All are
 * refused on a cancelled task and when the directive has been recalled or replaced.
 */
public sealed interface TaskCommand
        permits AcknowledgeTask, ReportProgress, UrgeTask, RequestExtension, GrantExtension, RefuseExtension,
        ReassignTask, CancelTask, CompleteTask, AcceptCompletion, RejectCompletion, DelegateTask {

    Actor actor();
}
