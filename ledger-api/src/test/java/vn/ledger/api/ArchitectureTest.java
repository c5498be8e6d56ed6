package vn.ledger.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The modules depend downwards only (core ← eventstore ← projections ← api), and the application keeps its
 * storage out of its controllers. The rules of generations (which one answers, when a rebuild has caught up) are
 * plain code, so that they are tested without Axon or MongoDB ({@code ModelGenerationsTest}).
 */
@DisplayName("Architecture of the modules, seen from ledger-api")
class ArchitectureTest {

    private static JavaClasses ledger;

    @BeforeAll
    static void importLedger() {
        ledger = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.ledger.core", "vn.ledger.eventstore", "vn.ledger.projections", "vn.ledger.api");
    }

    @Test
    void nothing_below_the_application_depends_on_it() {
        noClasses().that().resideInAnyPackage("vn.ledger.core..", "vn.ledger.eventstore..", "vn.ledger.projections..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.ledger.api..")
                .check(ledger);
    }

    @Test
    void the_event_store_does_not_depend_on_the_read_side() {
        noClasses().that().resideInAPackage("vn.ledger.eventstore..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.ledger.projections..")
                .check(ledger);
    }

    @Test
    void the_rules_of_generations_know_neither_Axon_nor_MongoDB() {
        noClasses().that()
                .haveNameMatching("vn\\.ledger\\.api\\.readside\\.(ModelGenerations|Generation|RebuildMonitor)(\\$.*)?")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.axonframework..", "com.mongodb..", "org.bson..")
                .check(ledger);
    }

    @Test
    void controllers_reach_storage_through_services() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.axonframework.eventsourcing..",
                        "org.axonframework.eventhandling.tokenstore..")
                .check(ledger);
    }
}
