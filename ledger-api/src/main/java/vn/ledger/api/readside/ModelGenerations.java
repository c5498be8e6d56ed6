package vn.ledger.api.readside;

import vn.ledger.api.problem.Conflict;
import vn.ledger.api.problem.NotFound;

import java.time.Instant;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The generations of one read model and the rules that move them (see docs/design.md, "Generations"): one
 * generation answers (ACTIVE); at most one rebuild catches up beside it (BUILDING), and once caught up (READY) is
 * switched to, at once or when an operator says so; a replaced or discarded generation is RETIRED.
 *
 * <p>A plain class, no Axon and no MongoDB: {@link ReadModels} starts and stops the processors, writes {@link #stored}
 * to {@code rm_meta} after every transition and drops what a transition retires.
 */
final class ModelGenerations {

    /** Why a rebuild must start with the application. */
    enum Restart {
        /** a rebuild was running when the application stopped: it starts again from scratch */
        INTERRUPTED,
        /** the active generation was built by a version that stored another layout */
        LAYOUT
    }

    /** A rebuild to start with the application. */
    record Pending(Restart why, boolean activate) {
    }

    /**
     * What one look of the monitor found.
     *
     * @param caughtUp a rebuild that has just caught up (now READY, or ACTIVE when it was switched to), else null
     * @param replaced the generation that rebuild replaced (now RETIRED), else null
     */
    record Check(Generation caughtUp, Generation replaced) {
        static final Check NOTHING = new Check(null, null);
    }

    final ReadModel model;
    private Generation active;
    private Generation rebuild;
    /** the layout the active generation was built with */
    private int activeLayout;
    private long next;
    private Status.LastRebuild lastRebuild;
    private Pending pending;

    private ModelGenerations(ReadModel model, Generation active, int activeLayout, long next,
                             Status.LastRebuild lastRebuild, Pending pending) {
        this.model = model;
        this.active = active;
        this.activeLayout = activeLayout;
        this.next = next;
        this.lastRebuild = lastRebuild;
        this.pending = pending;
    }

    /**
     * The model as {@code rm_meta} left it: without a document, generation 1 is active (built from the events as
     * they come); a rebuild that was running is pending again, and so is one of a generation of another layout.
     */
    static ModelGenerations open(ReadModel model, Optional<ReadModelMeta.Stored> stored, long head, Instant now) {
        if (stored.isEmpty()) {
            Generation first = new Generation(model, 1, Generation.State.ACTIVE, false, now, head);
            first.activatedAt = now;
            return new ModelGenerations(model, first, model.layout(), 2, null, null);
        }
        ReadModelMeta.Stored s = stored.get();
        Generation active = new Generation(model, s.active(), Generation.State.ACTIVE, false, now, head);
        active.activatedAt = s.activatedAt();
        Pending pending = s.rebuild() != null ? new Pending(Restart.INTERRUPTED, s.rebuild().activate())
                : s.layout() != model.layout() ? new Pending(Restart.LAYOUT, true) : null;
        return new ModelGenerations(model, active, s.layout(), s.next(), s.lastRebuild(), pending);
    }

    Generation active() {
        return active;
    }

    /** The rebuild, BUILDING or READY, else null. */
    Generation rebuild() {
        return rebuild;
    }

    int activeLayout() {
        return activeLayout;
    }

    Status.LastRebuild lastRebuild() {
        return lastRebuild;
    }

    /** A rebuild that {@link #open} found must start, until one is started. */
    Optional<Pending> pending() {
        return Optional.ofNullable(pending);
    }

    /** The generation numbered {@code number} if it is the active one or the rebuild, else null. */
    Generation find(long number) {
        if (active.number == number) {
            return active;
        }
        return rebuild != null && rebuild.number == number ? rebuild : null;
    }

    /**
     * A new generation, BUILDING from the tail of the event stream beside the active one.
     *
     * @param activate switch to it as soon as it has caught up; otherwise it waits, kept up to date
     * @param head     the head of the event stream now: it has caught up only once past it
     * @throws Conflict when the model already has a rebuild
     */
    Generation beginRebuild(boolean activate, long head, Instant now) {
        if (rebuild != null) {
            throw new Conflict("read-model.rebuild-running", "name", "Read model '" + model.key()
                    + "' already has rebuild g" + rebuild.number + " (" + rebuild.state
                    + "); activate or discard it first.");
        }
        rebuild = new Generation(model, next++, Generation.State.BUILDING, activate, now, head);
        pending = null;
        return rebuild;
    }

    /**
     * Activates the rebuild numbered {@code number}, which must have caught up.
     *
     * @param percent how far a generation has got, for the refusal
     * @return the generation it replaced (now RETIRED), or null when {@code number} is already active
     */
    Generation activate(long number, Instant now, ToDoubleFunction<Generation> percent) {
        if (active.number == number) {
            return null;
        }
        Generation g = rebuild;
        if (g == null || g.number != number) {
            throw new NotFound("read-model.generation.not-found", "generation", "Read model '" + model.key()
                    + "' has no generation " + number + " to activate.");
        }
        if (g.state != Generation.State.READY) {
            throw new Conflict("read-model.not-caught-up", "generation", "Generation " + number + " of '"
                    + model.key() + "' has not caught up yet (" + percent.applyAsDouble(g) + "%).");
        }
        return switchTo(now);
    }

    /**
     * Gives up the rebuild numbered {@code number} (BUILDING or READY).
     *
     * @return it, now RETIRED
     */
    Generation discard(long number) {
        if (active.number == number) {
            throw new Conflict("read-model.generation-active", "generation", "Generation " + number + " of '"
                    + model.key() + "' is active; rebuild another one to replace it.");
        }
        Generation g = rebuild;
        if (g == null || g.number != number) {
            throw new NotFound("read-model.generation.not-found", "generation", "Read model '" + model.key()
                    + "' has no rebuild " + number + ".");
        }
        rebuild = null;
        g.state = Generation.State.RETIRED;
        return g;
    }

    /**
     * One look by the monitor: a BUILDING rebuild that has {@linkplain #caughtUp caught up} becomes READY, and is
     * switched to if it was started to be.
     */
    Check check(Instant now) {
        Generation g = rebuild;
        if (g == null || g.state != Generation.State.BUILDING || !caughtUp(g, active)) {
            return Check.NOTHING;
        }
        g.state = Generation.State.READY;
        g.caughtUpAt = now;
        return new Check(g, g.activateWhenCaughtUp ? switchTo(now) : null);
    }

    /**
     * The "caught up" rule: the processor has reached the end of the stream, and stands at or beyond both the head
     * taken when the rebuild started and the live generation's position, so that switching to it loses nothing the
     * live one shows.
     */
    static boolean caughtUp(Generation g, Generation live) {
        long p = g.position();
        return g.caughtUp() && p >= g.headAtStart && p >= live.position();
    }

    private Generation switchTo(Instant now) {
        Generation old = active;
        Generation g = rebuild;
        g.state = Generation.State.ACTIVE;
        g.activatedAt = now;
        active = g;
        activeLayout = model.layout();
        rebuild = null;
        lastRebuild = new Status.LastRebuild(g.number, old.number, g.startedAt, g.caughtUpAt, g.activatedAt,
                g.tracker().events(), g.position());
        old.state = Generation.State.RETIRED;
        return old;
    }

    /** What {@code rm_meta} holds for the model now. */
    ReadModelMeta.Stored stored() {
        ReadModelMeta.Rebuild r = rebuild == null ? null : new ReadModelMeta.Rebuild(rebuild.number, rebuild.prefix,
                rebuild.activateWhenCaughtUp, rebuild.startedAt);
        return new ReadModelMeta.Stored(active.number, active.prefix, active.processorName, active.activatedAt,
                activeLayout, next, r, lastRebuild);
    }
}
