package vn.ledger.projections.task;

/**
 * A task's standing as the Government's task tracking counts it (chưa thực hiện; đang thực hiện trong hạn;
 * quá hạn chưa hoàn thành; hoàn thành đúng hạn; hoàn thành quá hạn), plus cancelled.
 */
public enum Timeliness {
    NOT_STARTED,
    IN_PROGRESS_ON_TIME,
    OVERDUE_NOT_DONE,
    DONE_ON_TIME,
    DONE_LATE,
    CANCELLED;

    public boolean done() {
        return this == DONE_ON_TIME || this == DONE_LATE;
    }

    public boolean open() {
        return this == NOT_STARTED || this == IN_PROGRESS_ON_TIME || this == OVERDUE_NOT_DONE;
    }
}
