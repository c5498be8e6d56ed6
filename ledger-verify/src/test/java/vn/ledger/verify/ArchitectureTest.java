package vn.ledger.verify;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The verifier runs anywhere, offline: the proof primitives of ledger-core, and nothing of the service. */
class ArchitectureTest {

    @Test
    void theVerifierKnowsNeitherSpringNorMongoDbNorTheDomain() {
        JavaClasses verifier = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.ledger.verify");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "org.axonframework..", "vn.ledger.eventstore..", "vn.ledger.api..",
                        "vn.ledger.core.directive..", "vn.ledger.core.task..", "vn.ledger.core.body..")
                .check(verifier);
    }
}
