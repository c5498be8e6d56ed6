package vn.ledger.api.config;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;
import vn.ledger.core.shared.Actor;
import vn.ledger.core.task.ReportProgress;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cached resolver answers what Axon's annotation resolver answers, for every shape of command it reads. */
class CachedCommandTargetResolverTest {

    private final CommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();
    private final CommandTargetResolver cached = new CachedCommandTargetResolver();

    record Versioned(@TargetAggregateIdentifier String id, @TargetAggregateVersion String version) {
    }

    static final class ByMethod {
        private final int number;

        ByMethod(int number) {
            this.number = number;
        }

        @TargetAggregateIdentifier
        Integer target() {
            return number;
        }
    }

    record Unmarked(String id) {
    }

    @Test
    void a_core_command_is_aimed_at_its_task_without_a_version() {
        ReportProgress report = new ReportProgress("d-1/T1.1", "Đã triển khai", 40, null, null, List.of(),
                new Actor("an", "Nguyễn Văn An", "Chuyên viên", "U-01"));

        VersionedAggregateIdentifier target = resolve(cached, report);

        assertThat(target.getIdentifier()).isEqualTo("d-1/T1.1");
        assertThat(target.getVersion()).isNull();
        assertThat(target).isEqualTo(resolve(axon, report));
    }

    @Test
    void a_version_and_an_annotated_method_are_read_as_axon_reads_them() {
        assertThat(resolve(cached, new Versioned("b-7", "12"))).isEqualTo(resolve(axon, new Versioned("b-7", "12")))
                .extracting(VersionedAggregateIdentifier::getVersion).isEqualTo(12L);
        assertThat(resolve(cached, new ByMethod(42)).getIdentifier()).isEqualTo("42");
        // the second command of a class goes through the cached member
        assertThat(resolve(cached, new ByMethod(43)).getIdentifier()).isEqualTo("43");
    }

    @Test
    void a_command_naming_no_target_is_refused_as_axon_refuses_it() {
        assertThatThrownBy(() -> resolve(cached, new Unmarked("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(messageOf(() -> resolve(axon, new Unmarked("x"))));
        assertThatThrownBy(() -> resolve(cached, new Versioned(null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> resolve(cached, new Versioned("b-7", "seven")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a number");
    }

    private static VersionedAggregateIdentifier resolve(CommandTargetResolver resolver, Object command) {
        return resolver.resolveTarget(GenericCommandMessage.asCommandMessage(command));
    }

    private static String messageOf(Runnable refused) {
        try {
            refused.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("not refused");
    }
}
