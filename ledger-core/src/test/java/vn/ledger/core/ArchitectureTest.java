package vn.ledger.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The write side stays framework-light and its features stay apart, so that each can be read, tested and changed
 * on its own: no Spring, no MongoDB, and features depend on shared only. The one crossing is the directive
 * creating Task aggregates (the spec's IssueDirective/AssignTask), which needs the Task class and nothing else.
 */
@DisplayName("Architecture of ledger-core")
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.ledger.core");
    }

    @Test
    void nothing_in_the_core_depends_on_Spring() {
        noClasses().that().resideInAPackage("vn.ledger.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(core);
    }

    @Test
    void nothing_in_the_core_depends_on_MongoDB() {
        noClasses().that().resideInAPackage("vn.ledger.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bson..", "com.mongodb..")
                .check(core);
    }

    @Test
    void shared_depends_on_no_feature() {
        noClasses().that().resideInAPackage("vn.ledger.core.shared..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("vn.ledger.core.body..", "vn.ledger.core.directive..", "vn.ledger.core.task..")
                .check(core);
    }

    /** Functions over every event family (the business date of an event) sit above the features. */
    @Test
    void no_feature_and_nothing_shared_depends_on_the_functions_over_all_events() {
        noClasses().that().resideInAnyPackage("vn.ledger.core.shared..", "vn.ledger.core.body..",
                        "vn.ledger.core.directive..", "vn.ledger.core.task..")
                .should().dependOnClassesThat().resideInAPackage("vn.ledger.core.event..")
                .check(core);
    }

    @Test
    void body_depends_on_shared_only() {
        noClasses().that().resideInAPackage("vn.ledger.core.body..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.ledger.core.directive..", "vn.ledger.core.task..")
                .check(core);
    }

    @Test
    void task_depends_on_shared_only() {
        noClasses().that().resideInAPackage("vn.ledger.core.task..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.ledger.core.directive..", "vn.ledger.core.body..")
                .check(core);
    }

    @Test
    void directive_depends_on_shared_and_only_on_the_Task_aggregate_it_creates() {
        noClasses().that().resideInAPackage("vn.ledger.core.directive..")
                .should().dependOnClassesThat().resideInAPackage("vn.ledger.core.body..")
                .check(core);
        noClasses().that().resideInAPackage("vn.ledger.core.directive..")
                .should().dependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe("are task classes other than Task",
                                c -> c.getPackageName().startsWith("vn.ledger.core.task")
                                        && !c.getName().equals("vn.ledger.core.task.Task")))
                .check(core);
    }

    /** The offline verifier depends on the proof package alone: it must run with nothing but a JDK. */
    @Test
    void proof_depends_on_the_JDK_only() {
        noClasses().that().resideInAPackage("vn.ledger.core.proof..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "vn.ledger.core.proof..")
                .check(core);
    }
}
