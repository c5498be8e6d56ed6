package vn.ledger.api.export;

import vn.ledger.archive.ExportProgress;
import vn.ledger.archive.Exporter;

import java.time.Instant;

/**
 * An export job as it is kept ({@link ExportJobStore}) and shown: what it exports, who asked and when, how far it
 * is, and, once done, its bundle's file; a job is never dropped, only moved on to a final state.
 *
 * @param kind        {@code cascade}, {@code body} or {@code range}
 * @param scope       the scope in words, as bag-info gives it
 * @param requester   the authenticated caller who started it
 * @param instance    the application instance running it (a job of an instance that is gone is interrupted)
 * @param progress    the last progress kept (a running job's is kept every second or so, and at each phase)
 * @param bundle      the bundle's file, once done
 * @param summary     what the export wrote, once done
 * @param reason      why it is FAILED, INTERRUPTED or EXPIRED
 */
public record ExportJob(String id, String kind, String scope, Exporter.Requester requester, Instant requestedAt,
                        Instant startedAt, Instant finishedAt, State state, String instance,
                        ExportProgress progress, Bundle bundle, Exporter.Summary summary, String reason) {

    /**
     * QUEUED → RUNNING → DONE or FAILED; QUEUED or RUNNING → INTERRUPTED when the service running it stops or is
     * found gone; DONE → EXPIRED when its bundle is deleted after {@code ledger.export.retention}.
     */
    public enum State {
        QUEUED, RUNNING, DONE, FAILED, INTERRUPTED, EXPIRED;

        public boolean unfinished() {
            return this == QUEUED || this == RUNNING;
        }
    }

    /**
     * The bundle's file in the export directory.
     *
     * @param deletedAt when the retention deleted it; null while it is kept
     */
    public record Bundle(String fileName, long size, String sha256, Instant deletedAt) {
    }
}
