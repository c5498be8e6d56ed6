package vn.ledger.api.readside;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.ledger.api.problem.Conflict;
import vn.ledger.api.problem.NotFound;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ledger.api.readside.Generation.State.ACTIVE;
import static vn.ledger.api.readside.Generation.State.BUILDING;
import static vn.ledger.api.readside.Generation.State.READY;
import static vn.ledger.api.readside.Generation.State.RETIRED;

/** The generation rules of one read model, without Axon or MongoDB: processors are stand-ins set by hand. */
@DisplayName("Generations of a read model")
class ModelGenerationsTest {

    private static final ReadModel MODEL = ReadModel.CHAIN;
    private static final Instant T0 = Instant.parse("2026-04-01T03:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    /** A processor stand-in: where it stands and whether it has reached the end of the stream. */
    static final class Processor implements Generation.Tracker {
        long position = -1;
        boolean atEnd;
        long events;

        Processor at(long position, boolean atEnd) {
            this.position = position;
            this.atEnd = atEnd;
            this.events = Math.max(0, position + 1);
            return this;
        }

        public long position() {
            return position;
        }

        public boolean caughtUp() {
            return atEnd;
        }

        public long events() {
            return events;
        }

    }

    private static ReadModelMeta.Stored stored(long active, int layout, long next, ReadModelMeta.Rebuild rebuild) {
        return new ReadModelMeta.Stored(active, MODEL.prefix(active), MODEL.processorName(active), T0, layout, next,
                rebuild, null);
    }

    /** A model whose active generation stands at {@code livePosition}. */
    private static ModelGenerations live(long livePosition) {
        ModelGenerations m = ModelGenerations.open(MODEL, Optional.of(stored(3, MODEL.layout(), 4, null)), 100, T0);
        m.active().attach(new Processor().at(livePosition, true));
        return m;
    }

    @Nested
    @DisplayName("opening from rm_meta")
    class Opening {

        @Test
        void without_a_document_generation_1_is_active_and_the_next_is_2() {
            ModelGenerations m = ModelGenerations.open(MODEL, Optional.empty(), 0, T0);

            assertThat(m.active().number).isEqualTo(1);
            assertThat(m.active().state).isEqualTo(ACTIVE);
            assertThat(m.active().activatedAt).isEqualTo(T0);
            assertThat(m.pending()).isEmpty();
            assertThat(m.stored().next()).isEqualTo(2);
            assertThat(m.stored().layout()).isEqualTo(MODEL.layout());
        }

        @Test
        void the_stored_active_generation_answers_again_and_nothing_is_pending() {
            ModelGenerations m = ModelGenerations.open(MODEL, Optional.of(stored(3, MODEL.layout(), 5, null)), 0, T1);

            assertThat(m.active().number).isEqualTo(3);
            assertThat(m.active().activatedAt).isEqualTo(T0);
            assertThat(m.rebuild()).isNull();
            assertThat(m.pending()).isEmpty();
            assertThat(m.stored()).isEqualTo(stored(3, MODEL.layout(), 5, null));
        }

        @Test
        void a_rebuild_interrupted_by_a_stop_is_pending_again_with_its_activation() {
            ReadModelMeta.Rebuild interrupted = new ReadModelMeta.Rebuild(4, MODEL.prefix(4), false, T0);
            ModelGenerations m = ModelGenerations.open(MODEL, Optional.of(stored(3, MODEL.layout(), 5, interrupted)),
                    0, T1);

            assertThat(m.pending()).contains(new ModelGenerations.Pending(ModelGenerations.Restart.INTERRUPTED, false));
            assertThat(m.rebuild()).isNull(); // started again from scratch, under a new number
            assertThat(m.beginRebuild(false, 0, T1).number).isEqualTo(5);
            assertThat(m.pending()).isEmpty();
        }

        @Test
        void a_generation_built_with_another_layout_is_rebuilt_and_switched_to() {
            ModelGenerations m = ModelGenerations.open(MODEL, Optional.of(stored(3, MODEL.layout() - 1, 4, null)),
                    0, T1);

            assertThat(m.pending()).contains(new ModelGenerations.Pending(ModelGenerations.Restart.LAYOUT, true));
            assertThat(m.activeLayout()).isEqualTo(MODEL.layout() - 1);
        }
    }

    @Nested
    @DisplayName("a rebuild")
    class Rebuilding {

        @Test
        void starts_beside_the_active_generation_under_the_next_number() {
            ModelGenerations m = live(90);

            Generation g = m.beginRebuild(true, 100, T1);

            assertThat(g.number).isEqualTo(4);
            assertThat(g.state).isEqualTo(BUILDING);
            assertThat(g.headAtStart).isEqualTo(100);
            assertThat(m.active().number).isEqualTo(3);
            assertThat(m.stored().rebuild()).isEqualTo(new ReadModelMeta.Rebuild(4, "rm_chain_g4_", true, T1));
            assertThat(m.stored().next()).isEqualTo(5);
        }

        @Test
        void is_refused_while_another_runs() {
            ModelGenerations m = live(90);
            m.beginRebuild(false, 100, T1);

            assertThatThrownBy(() -> m.beginRebuild(true, 100, T1)).isInstanceOf(Conflict.class)
                    .hasMessageContaining("already has rebuild g4");
        }

        @Test
        void has_not_caught_up_while_its_processor_is_short_of_the_head_taken_at_its_start() {
            ModelGenerations m = live(90);
            Generation g = m.beginRebuild(true, 100, T1);
            g.attach(new Processor().at(99, true)); // at the end of what it has read so far, but before the head

            assertThat(m.check(T1)).isEqualTo(ModelGenerations.Check.NOTHING);
            assertThat(g.state).isEqualTo(BUILDING);
        }

        @Test
        void has_not_caught_up_while_it_is_behind_the_live_generation() {
            ModelGenerations m = live(120);
            Generation g = m.beginRebuild(true, 100, T1);
            g.attach(new Processor().at(110, true));

            assertThat(m.check(T1).caughtUp()).isNull();
        }

        @Test
        void has_not_caught_up_before_its_processor_reaches_the_end_of_the_stream() {
            ModelGenerations m = live(90);
            Generation g = m.beginRebuild(true, 100, T1);
            g.attach(new Processor().at(130, false));

            assertThat(m.check(T1).caughtUp()).isNull();
        }

        @Test
        void that_caught_up_is_switched_to_in_one_step_when_started_to_be() {
            ModelGenerations m = live(100);
            Generation old = m.active();
            Generation g = m.beginRebuild(true, 100, T0);
            g.attach(new Processor().at(100, true));

            ModelGenerations.Check check = m.check(T1);

            assertThat(check.caughtUp()).isSameAs(g);
            assertThat(check.replaced()).isSameAs(old);
            assertThat(m.active()).isSameAs(g);
            assertThat(g.state).isEqualTo(ACTIVE);
            assertThat(g.caughtUpAt).isEqualTo(T1);
            assertThat(g.activatedAt).isEqualTo(T1);
            assertThat(old.state).isEqualTo(RETIRED);
            assertThat(m.rebuild()).isNull();
            ReadModelMeta.Stored meta = m.stored();
            assertThat(meta.active()).isEqualTo(4);
            assertThat(meta.prefix()).isEqualTo("rm_chain_g4_");
            assertThat(meta.rebuild()).isNull();
            assertThat(meta.layout()).isEqualTo(MODEL.layout());
            assertThat(meta.lastRebuild()).isEqualTo(new Status.LastRebuild(4, 3, T0, T1, T1, 101, 100));
        }

        @Test
        void that_caught_up_waits_ready_for_an_operator_when_not_started_to_be_switched_to() {
            ModelGenerations m = live(100);
            Generation g = m.beginRebuild(false, 100, T0);
            g.attach(new Processor().at(105, true));

            ModelGenerations.Check check = m.check(T1);

            assertThat(check.caughtUp()).isSameAs(g);
            assertThat(check.replaced()).isNull();
            assertThat(g.state).isEqualTo(READY);
            assertThat(m.active().number).isEqualTo(3);
            assertThat(m.check(T1)).isEqualTo(ModelGenerations.Check.NOTHING); // reported once
        }
    }

    @Nested
    @DisplayName("an operator")
    class Operator {

        @Test
        void activates_a_ready_rebuild() {
            ModelGenerations m = live(100);
            Generation old = m.active();
            Generation g = m.beginRebuild(false, 100, T0);
            g.attach(new Processor().at(100, true));
            m.check(T0);

            Generation replaced = m.activate(4, T1, x -> 100.0);

            assertThat(replaced).isSameAs(old);
            assertThat(m.active()).isSameAs(g);
            assertThat(g.activatedAt).isEqualTo(T1);
            assertThat(m.stored().active()).isEqualTo(4);
        }

        @Test
        void cannot_activate_a_rebuild_that_has_not_caught_up() {
            ModelGenerations m = live(100);
            m.beginRebuild(false, 100, T0).attach(new Processor().at(40, false));

            assertThatThrownBy(() -> m.activate(4, T1, x -> 40.0)).isInstanceOf(Conflict.class)
                    .hasMessageContaining("not caught up yet (40.0%)");
            assertThat(m.active().number).isEqualTo(3);
        }

        @Test
        void activating_the_active_generation_changes_nothing() {
            ModelGenerations m = live(100);

            assertThat(m.activate(3, T1, x -> 100.0)).isNull();
            assertThat(m.active().number).isEqualTo(3);
        }

        @Test
        void cannot_activate_or_discard_a_generation_that_does_not_exist() {
            ModelGenerations m = live(100);

            assertThatThrownBy(() -> m.activate(9, T1, x -> 0)).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> m.discard(9)).isInstanceOf(NotFound.class);
        }

        @Test
        void discards_a_rebuild_and_may_start_another() {
            ModelGenerations m = live(100);
            Generation g = m.beginRebuild(false, 100, T0);

            assertThat(m.discard(4)).isSameAs(g);

            assertThat(g.state).isEqualTo(RETIRED);
            assertThat(m.rebuild()).isNull();
            assertThat(m.stored().rebuild()).isNull();
            assertThat(m.beginRebuild(true, 100, T1).number).isEqualTo(5);
        }

        @Test
        void cannot_discard_the_active_generation() {
            ModelGenerations m = live(100);

            assertThatThrownBy(() -> m.discard(3)).isInstanceOf(Conflict.class)
                    .hasMessageContaining("is active");
        }

        @Test
        void finds_the_active_generation_and_the_rebuild_by_number() {
            ModelGenerations m = live(100);
            Generation g = m.beginRebuild(false, 100, T0);

            assertThat(m.find(3)).isSameAs(m.active());
            assertThat(m.find(4)).isSameAs(g);
            assertThat(m.find(2)).isNull();
        }
    }

    @Nested
    @DisplayName("progress")
    class Progress {

        @Test
        void is_the_position_reached_against_the_head_with_an_eta_from_the_pace_since_the_start() {
            Generation g = new Generation(MODEL, 4, BUILDING, true, T0, 1000);
            g.attach(new Processor().at(249, false));

            Status.Progress p = RebuildMonitor.progress(g, 1000, T0.plusSeconds(10));

            assertThat(p.percent()).isEqualTo(24.9);
            assertThat(p.eventsPerSecond()).isEqualTo(25.0);
            assertThat(p.etaSeconds()).isEqualTo(31); // 751 positions left at 24.9 per second
            assertThat(p.elapsedSeconds()).isEqualTo(10);
        }

        @Test
        void of_a_ready_generation_is_complete() {
            Generation g = new Generation(MODEL, 4, READY, false, T0, 1000);
            g.attach(new Processor().at(900, true));

            Status.Progress p = RebuildMonitor.progress(g, 1000, T1);

            assertThat(p.percent()).isEqualTo(100.0);
            assertThat(p.etaSeconds()).isZero();
        }

        @Test
        void durations_read_as_an_operator_writes_them() {
            assertThat(RebuildMonitor.human(java.time.Duration.ofMillis(4200))).isEqualTo("4.2 s");
            assertThat(RebuildMonitor.human(java.time.Duration.ofSeconds(187))).isEqualTo("3 min 07 s");
            assertThat(RebuildMonitor.human(java.time.Duration.ofSeconds(3900))).isEqualTo("1 h 05 min");
        }
    }
}
