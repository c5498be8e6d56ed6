package vn.ledger.api.proof;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.ledger.eventstore.proof.Checkpoints;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Signs a checkpoint every {@code ledger.proof.checkpoint-interval} when the log has grown. */
@Component
class CheckpointSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final Checkpoints checkpoints;
    private final ProofProperties properties;
    private volatile ScheduledExecutorService executor;
    private volatile boolean running;

    CheckpointSchedule(Checkpoints checkpoints, ProofProperties properties) {
        this.checkpoints = checkpoints;
        this.properties = properties;
    }

    @Override
    public void start() {
        long every = properties.checkpointInterval().toMillis();
        if (every <= 0) {
            log.info("checkpoints are made on demand only (ledger.proof.checkpoint-interval is 0)");
            running = true;
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "checkpoints");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                checkpoints.make();
            } catch (RuntimeException e) {
                log.warn("could not make a checkpoint: {}", e.toString(), e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.shutdownNow();
        }
        executor = null;
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
